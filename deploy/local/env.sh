# Ports, paths and process handling of the local stack. Every port can be overridden from the
# environment, e.g. IM_GATEWAY_PORT=9090 deploy/local/up.
IM_LOCAL=${IM_LOCAL:-$IM_ROOT/.local/stack}
IM_PG_PORT=${IM_PG_PORT:-15432}
IM_KAFKA_PORT=${IM_KAFKA_PORT:-19092}
IM_KAFKA_CONTROLLER_PORT=${IM_KAFKA_CONTROLLER_PORT:-19093}
IM_GATEWAY_PORT=${IM_GATEWAY_PORT:-8080}
IM_INCIDENT_PORT=${IM_INCIDENT_PORT:-8081}
IM_GEOCODING_PORT=${IM_GEOCODING_PORT:-8082}
# Start order: each service after the ones it calls.
IM_SERVICES="geocoding-service incident-service map-gateway"
mkdir -p "$IM_LOCAL/logs" "$IM_LOCAL/run"

service_port() {
  case $1 in
    geocoding-service) echo "$IM_GEOCODING_PORT" ;;
    incident-service) echo "$IM_INCIDENT_PORT" ;;
    map-gateway) echo "$IM_GATEWAY_PORT" ;;
  esac
}

# The services read these (see each application.properties); the values match the stack above.
export IM_DB_HOST=127.0.0.1 IM_DB_PORT=$IM_PG_PORT
export KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$IM_KAFKA_PORT
export IM_GEOCODING_URL=http://127.0.0.1:$IM_GEOCODING_PORT
export IM_INCIDENT_URL=http://127.0.0.1:$IM_INCIDENT_PORT
# map-gateway's place search (gateway.geocoding-service.url, read from the environment by its name)
export GATEWAY_GEOCODING_SERVICE_URL=$IM_GEOCODING_URL

# A key pair for the JWTs that guard writes, generated on first run.
ensure_keys() {
  local keys="$IM_LOCAL/keys"
  if [ ! -f "$keys/private.pem" ]; then
    log "generating the JWT signing key pair in $keys"
    mkdir -p "$keys"
    openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$keys/private.pem" 2>/dev/null
    openssl rsa -in "$keys/private.pem" -pubout -out "$keys/public.pem" 2>/dev/null
    chmod 600 "$keys/private.pem"
  fi
  export MP_JWT_VERIFY_PUBLICKEY_LOCATION="$keys/public.pem"
  export SMALLRYE_JWT_SIGN_KEY_LOCATION="$keys/private.pem"
}
