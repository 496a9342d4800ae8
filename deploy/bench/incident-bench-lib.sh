# Shared by deploy/bench/incident-*: a throwaway PostGIS cluster and one incident-service started
# against it (relay off, no Kafka needed), timing helpers. Sourced, not executed.
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

BENCH_DIR=${IM_BENCH_DIR:-$IM_ROOT/.local/bench}
BENCH_PG_PORT=${IM_BENCH_PG_PORT:-25599}
BENCH_HTTP_PORT=${IM_BENCH_HTTP_PORT:-18189}
BENCH_RUNS=${IM_BENCH_RUNS:-3}
API=http://127.0.0.1:$BENCH_HTTP_PORT
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$BENCH_PG_PORT" -U postgres -d incidentmap)
mkdir -p "$BENCH_DIR"
bench_pg_dir=$(pg_home "$BENCH_DIR/pg")

bench_cleanup() {
  stop_pid "$BENCH_DIR/incident-service.pid" incident-service
  pg_down "$bench_pg_dir"
}

# bench_start [extra -D options...]: fresh database, the service built when needed and started.
bench_start() {
  trap bench_cleanup EXIT
  bench_cleanup
  rm -rf "$bench_pg_dir/data"
  pg_up "$bench_pg_dir" "$BENCH_PG_PORT" fast
  pg_prepare "$BENCH_PG_PORT" incidentmap
  IM_LOCAL=$BENCH_DIR "$IM_ROOT/deploy/local/token" editor >"$BENCH_DIR/token"
  # Live, not ready: with the relay off and no Kafka its messaging readiness never comes up.
  # shellcheck disable=SC2086 # IM_BENCH_JAVA_OPTS holds several options
  start_service incident-service incident-service "$BENCH_HTTP_PORT" "$BENCH_DIR/incident-service.pid" \
    "$BENCH_DIR/incident-service.log" /q/health/live -Xmx1g ${IM_BENCH_JAVA_OPTS:-} -Dim.db.port="$BENCH_PG_PORT" \
    -Dincident.relay.enabled=false -Dkafka.bootstrap.servers=127.0.0.1:1 \
    -Dmp.jwt.verify.publickey.location="$BENCH_DIR/keys/public.pem" "$@"
}

now_s() { date +%s.%N; }
elapsed() { echo "$(now_s) - $1" | bc -l; }
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
ratio() { echo "scale=2; $1 / $2" | bc -l; }
