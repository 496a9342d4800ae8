# Shared by deploy/bench/gateway-*: the incident-service stack of incident-bench-lib.sh plus a Kafka
# broker, the map-gateway (-Xmx512m) and the load generator GatewayLoad.java, all on their own
# ports. Sourced, not executed.
export IM_BENCH_DIR=${IM_BENCH_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/.local/bench-gateway}
export IM_BENCH_PG_PORT=${IM_BENCH_PG_PORT:-25482}
export IM_BENCH_HTTP_PORT=${IM_BENCH_HTTP_PORT:-18180}
source "$(dirname "${BASH_SOURCE[0]}")/incident-bench-lib.sh"

GW_PORT=${IM_BENCH_GATEWAY_PORT:-18181}
NCHAN_PORT=${IM_BENCH_NCHAN_PORT:-18182}
KAFKA_PORT=${IM_BENCH_KAFKA_PORT:-29152}
KAFKA_CONTROLLER_PORT=${IM_BENCH_KAFKA_CONTROLLER_PORT:-29153}
GW=http://127.0.0.1:$GW_PORT
GW_LIB=$IM_ROOT/map-gateway/target/quarkus-app/lib/main

gw_cleanup() {
  stop_pid "$BENCH_DIR/nginx.pid.keep" nginx
  local pid
  for pid in "$BENCH_DIR"/map-gateway*.pid; do
    [ -e "$pid" ] && stop_pid "$pid" "$(basename "$pid" .pid)"
  done
  stop_pid "$BENCH_DIR/kafka/kafka.pid" Kafka
  bench_cleanup
}

# Many thousand sockets on each side of the loopback.
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"

gw_kafka_up() {
  stop_pid "$BENCH_DIR/kafka/kafka.pid" Kafka
  rm -rf "$BENCH_DIR/kafka/data"
  kafka_up "$BENCH_DIR/kafka" "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT" incident-events:3
}

# gw_start [extra -D options...]: the gateway against the bench incident-service and Kafka, on
# $GW_PORT with pid and log files named $GW_NAME (map-gateway), so a second replica can run beside
# the first. IM_BENCH_GATEWAY_JAR runs another build (e.g. an earlier commit's) instead of this one.
gw_start() {
  trap gw_cleanup EXIT
  local name=${GW_NAME:-map-gateway}
  start_service "$name" "${IM_BENCH_GATEWAY_JAR:-map-gateway}" "$GW_PORT" "$BENCH_DIR/$name.pid" \
    "$BENCH_DIR/$name.log" /q/health/live -Xmx512m -Dgateway.incident-service.url="$API" \
    -Dkafka.bootstrap.servers="127.0.0.1:$KAFKA_PORT" "$@"
}

# The peer of the fan-out bench: nginx + nchan, one channel, EventSource subscribers.
nchan_start() {
  [ -f /usr/share/nginx/modules/ngx_nchan_module.so ] || apt_install nginx-light libnginx-mod-nchan
  local dir=$BENCH_DIR/nginx
  mkdir -p "$dir/tmp"
  local user=""
  [ "$(id -u)" -eq 0 ] && user="user root;"
  cat >"$dir/nginx.conf" <<CONF
load_module /usr/share/nginx/modules/ngx_nchan_module.so;
$user
daemon off;
worker_processes auto;
worker_rlimit_nofile 65536;
pid $dir/nginx.pid;
error_log $dir/error.log warn;
events { worker_connections 30000; }
http {
  access_log off;
  client_body_temp_path $dir/tmp/body;
  proxy_temp_path $dir/tmp/proxy;
  fastcgi_temp_path $dir/tmp/fastcgi;
  uwsgi_temp_path $dir/tmp/uwsgi;
  scgi_temp_path $dir/tmp/scgi;
  nchan_shared_memory_size 256M;
  server {
    listen 127.0.0.1:$NCHAN_PORT;
    location = /pub { nchan_publisher; nchan_channel_id \$arg_c; nchan_message_buffer_length 100; }
    location = /sub { nchan_subscriber eventsource; nchan_channel_id \$arg_c; nchan_subscriber_first_message newest; }
  }
}
CONF
  log "starting nginx + nchan on port $NCHAN_PORT"
  nohup nginx -c "$dir/nginx.conf" -p "$dir" >"$dir/stdout.log" 2>&1 &
  echo $! >"$BENCH_DIR/nginx.pid.keep"
  wait_port "$NCHAN_PORT" nginx 20
}

# load ARGS...: runs GatewayLoad.java; prints its RESULT line.
load() {
  java -Xmx1g -cp "$GW_LIB/*" "$IM_ROOT/deploy/bench/GatewayLoad.java" "$@" 2>>"$BENCH_DIR/load.log" | grep '^RESULT'
}

# field NAME LINE: one key=value of a RESULT line.
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$2"; }
