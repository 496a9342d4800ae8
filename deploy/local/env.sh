# Ports, paths and process handling of the local stack. Every port can be overridden from the
# environment, e.g. IM_GATEWAY_PORT=9090 deploy/local/up.
IM_LOCAL=${IM_LOCAL:-$IM_ROOT/.local/stack}
IM_PG_PORT=${IM_PG_PORT:-15432}
IM_KAFKA_PORT=${IM_KAFKA_PORT:-19092}
IM_KAFKA_CONTROLLER_PORT=${IM_KAFKA_CONTROLLER_PORT:-19093}
IM_GATEWAY_PORT=${IM_GATEWAY_PORT:-8080}
IM_INCIDENT_PORT=${IM_INCIDENT_PORT:-8081}
IM_GEOCODING_PORT=${IM_GEOCODING_PORT:-8082}
# The sample feed (deploy/local/sample-feed: fictional reports the project wrote), served on this
# port and registered as a source on first start; IM_SAMPLE_FEED=0 turns it off.
IM_SAMPLE_FEED=${IM_SAMPLE_FEED:-1}
IM_SAMPLE_FEED_PORT=${IM_SAMPLE_FEED_PORT:-8083}
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
# each the environment form of a configuration key (incident.geocoding.url, gateway.incident-service.url,
# gateway.geocoding-service.url)
export INCIDENT_GEOCODING_URL=http://127.0.0.1:$IM_GEOCODING_PORT
export GATEWAY_INCIDENT_SERVICE_URL=http://127.0.0.1:$IM_INCIDENT_PORT
export GATEWAY_GEOCODING_SERVICE_URL=$INCIDENT_GEOCODING_URL
# Live sources on this machine (the sample feed) are on loopback, which production refuses.
export INCIDENT_SOURCES_ALLOW_LOOPBACK=true

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

# Serves the sample feed with Python's static file server (loopback only).
sample_feed_up() {
  local pidfile="$IM_LOCAL/run/sample-feed.pid"
  if pid_alive "$pidfile"; then
    return 0
  fi
  port_open "$IM_SAMPLE_FEED_PORT" && die "port $IM_SAMPLE_FEED_PORT (for the sample feed) is taken by another process"
  log "serving the sample feed on port $IM_SAMPLE_FEED_PORT"
  nohup python3 -m http.server "$IM_SAMPLE_FEED_PORT" --bind 127.0.0.1 \
    --directory "$IM_ROOT/deploy/local/sample-feed" >"$IM_LOCAL/logs/sample-feed.log" 2>&1 &
  echo $! >"$pidfile"
  wait_port "$IM_SAMPLE_FEED_PORT" "the sample feed server" 20
}

# Registers the sample feed once (a marker file remembers it); its candidates are auto-published,
# marked sample and machine-extracted, so a new map fills within a minute.
sample_feed_register() {
  local marker="$IM_LOCAL/sample-feed.registered" status
  [ -f "$marker" ] && return 0
  status=$(curl -s -o "$IM_LOCAL/logs/sample-feed-registration.json" -w '%{http_code}' -X POST \
    -H "Authorization: Bearer $("$IM_ROOT/deploy/local/token" editor)" -H 'Content-Type: application/json' \
    -d '{"kind":"atom","url":"http://127.0.0.1:'"$IM_SAMPLE_FEED_PORT"'/feed.xml","name":"Incident map sample feed",
         "pollInterval":"PT5M","attribution":"Fictional sample reports written by the Incident map contributors (CC0)",
         "sample":true,"autoPublishAbove":0.3}' \
    "http://127.0.0.1:$IM_INCIDENT_PORT/sources")
  case $status in
    201|409) touch "$marker"; log "sample feed registered (IM_SAMPLE_FEED=0 turns it off)" ;;
    *) log "registering the sample feed failed (HTTP $status); see $IM_LOCAL/logs/sample-feed-registration.json" ;;
  esac
}
