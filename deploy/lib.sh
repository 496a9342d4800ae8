# Shared by deploy/local/* and deploy/test/*: install and run PostgreSQL+PostGIS and a KRaft
# Kafka broker without Docker. Sourced, not executed.
set -euo pipefail

IM_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PG_BIN=/usr/lib/postgresql/15/bin

log() { printf '[incident-map] %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# PostgreSQL refuses to run as root, so a root caller runs the server as the postgres user.
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

apt_install() {
  log "installing Debian packages: $*"
  # Another install on the machine holds dpkg's lock for a while: wait for it rather than fail.
  as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq "$@" >/dev/null
}

ensure_postgis() {
  if [ ! -x "$PG_BIN/initdb" ] || [ ! -f /usr/share/postgresql/15/extension/postgis.control ]; then
    apt_install postgresql-15 postgresql-15-postgis-3
  fi
  # The Debian package starts a default cluster on 5432; this project runs its own and leaves
  # that one alone.
}

# Maven runs with the repository's settings (batch mode, quiet transfers).
mvn_run() { (cd "$IM_ROOT" && mvn -B -ntp -Dstyle.color=never "$@"); }

# Compiles incident-service's tests with the modules it needs (service-common, test-support: there is
# no `mvn install`, so they come from the same build) and writes its test classpath to $1, for the
# benchmarks that run its extractor outside the service.
incident_test_classpath() {
  mvn_run -q -pl incident-service -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$1" >&2
}

# A directory the postgres user can reach: the checkout when every parent is traversable,
# otherwise a per-checkout directory under /var/tmp.
pg_home() {
  local want=$1
  mkdir -p "$want"
  if [ "$(id -u)" -eq 0 ] && ! runuser -u postgres -- test -x "$want"; then
    local alt="/var/tmp/incident-map-$(printf '%s' "$want" | md5sum | cut -c1-12)"
    mkdir -p "$alt"
    printf '%s' "$alt"
  else
    printf '%s' "$want"
  fi
}

# pg_up DATA_DIR PORT [fast]: initialise once, start if not running. "fast" trades durability
# for speed (throwaway test clusters only).
pg_up() {
  local dir=$1 port=$2 mode=${3:-durable}
  ensure_postgis
  mkdir -p "$dir"
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$dir"
  if [ ! -f "$dir/data/PG_VERSION" ]; then
    log "initialising PostgreSQL cluster in $dir/data"
    as_pg "$PG_BIN/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  if as_pg "$PG_BIN/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
    log "PostgreSQL already running on port $port"
    return
  fi
  local opts="-c port=$port -c listen_addresses=127.0.0.1 -k $dir/data -c max_connections=200"
  # fast: no fsync, which only an operating-system crash would make matter; commits stay
  # synchronous, because the tests kill PostgreSQL itself and expect every acknowledged write back.
  if [ "$mode" = fast ]; then
    opts+=" -c fsync=off -c full_page_writes=off"
  fi
  log "starting PostgreSQL on 127.0.0.1:$port"
  as_pg "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -o "$opts" -w -t 60 start >/dev/null
}

pg_down() {
  local dir=$1
  [ -f "$dir/data/PG_VERSION" ] || return 0
  if as_pg "$PG_BIN/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
    log "stopping PostgreSQL ($dir)"
    as_pg "$PG_BIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
  fi
}

# pg_crash DIR: an immediate stop (no checkpoint, clients cut off as in a crash); pg_up starts it
# again and PostgreSQL recovers from its WAL.
pg_crash() {
  local dir=$1
  log "stopping PostgreSQL at once ($dir)"
  as_pg "$PG_BIN/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null
}

# Idempotent: the database, one login role per service, the extensions (postgis needs a
# superuser, so it is created here rather than by the services' migrations).
pg_prepare() {
  local port=$1 db=$2
  local psql=(env PGOPTIONS='-c client_min_messages=warning' psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres)
  "${psql[@]}" -d postgres <<SQL
SELECT 'CREATE DATABASE $db' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$db')\gexec
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'incident') THEN
    CREATE ROLE incident LOGIN PASSWORD 'incident';
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'geocoding') THEN
    CREATE ROLE geocoding LOGIN PASSWORD 'geocoding';
  END IF;
END \$\$;
SQL
  "${psql[@]}" -d "$db" <<SQL
CREATE EXTENSION IF NOT EXISTS postgis;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;
GRANT CREATE, CONNECT ON DATABASE $db TO incident, geocoding;
SQL
}

kafka_version() { sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$IM_ROOT/pom.xml" | head -1; }

# Broker jars from Maven Central through Maven, shared by the local stack and test runs.
kafka_libs() {
  local v; v=$(kafka_version)
  local libs="$IM_ROOT/.local/kafka-$v/libs"
  if [ ! -f "$libs/.complete" ]; then
    log "resolving Kafka $v broker from Maven Central"
    mkdir -p "$libs"
    mvn_run -q -f deploy/kafka/pom.xml -Dkafka.version="$v" \
      dependency:copy-dependencies -DoutputDirectory="$libs" -DincludeScope=runtime >&2
    touch "$libs/.complete"
  fi
  printf '%s' "$libs"
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_port() {
  local port=$1 what=$2 secs=${3:-60}
  for _ in $(seq $((secs * 5))); do
    port_open "$port" && return 0
    sleep 0.2
  done
  die "$what did not open port $port within ${secs}s"
}

pid_alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

# kafka_up DIR PORT CONTROLLER_PORT TOPIC:PARTITIONS...
kafka_up() {
  local dir=$1 port=$2 cport=$3; shift 3
  local libs; libs=$(kafka_libs)
  mkdir -p "$dir/logs"
  if pid_alive "$dir/kafka.pid"; then
    log "Kafka already running on port $port"
  else
    cat > "$dir/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$cport
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$cport
advertised.listeners=PLAINTEXT://127.0.0.1:$port
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=$dir/data
num.partitions=1
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
log.retention.hours=168
log.cleaner.dedupe.buffer.size=33554432
PROPS
    # The log cleaner's dedupe buffer is one array (128 MB by default): in a 256 MB heap it
    # sometimes found no room at startup (OutOfMemoryError), so it is set to 32 MB above, plenty
    # for a single-node broker's compacted topics.
    local java_opts=(-Xms128m -Xmx256m -Dkafka.logs.dir="$dir/logs"
      -Dlog4j2.configurationFile="$IM_ROOT/deploy/kafka/log4j2.properties")
    if [ ! -f "$dir/data/meta.properties" ]; then
      local id; id=$(java -cp "$libs/*" "${java_opts[@]}" kafka.tools.StorageTool random-uuid)
      java -cp "$libs/*" "${java_opts[@]}" kafka.tools.StorageTool format -t "$id" \
        -c "$dir/server.properties" >/dev/null
    fi
    log "starting Kafka on 127.0.0.1:$port"
    nohup java "${java_opts[@]}" -cp "$libs/*" kafka.Kafka "$dir/server.properties" \
      >"$dir/logs/stdout.log" 2>&1 &
    echo $! >"$dir/kafka.pid"
    wait_port "$port" Kafka 90
  fi
  local t
  for t in "$@"; do
    java -cp "$libs/*" -Dlog4j2.configurationFile="$IM_ROOT/deploy/kafka/log4j2.properties" \
      -Dkafka.logs.dir="$dir/logs" org.apache.kafka.tools.TopicCommand \
      --bootstrap-server "127.0.0.1:$port" --create --if-not-exists \
      --topic "${t%%:*}" --partitions "${t##*:}" --replication-factor 1 >/dev/null
  done
}

# stop_pid PIDFILE NAME: TERM, then KILL after 20 s.
stop_pid() {
  local file=$1 name=$2
  pid_alive "$file" || { rm -f "$file"; return 0; }
  local pid; pid=$(cat "$file")
  log "stopping $name (pid $pid)"
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$file"
}

# service_stale MODULE: true when MODULE's packaged application is missing or older than a source
# of the module, its pom.xml, the parent pom.xml or the shared service-common module.
service_stale() {
  local jar="$IM_ROOT/$1/target/quarkus-app/quarkus-run.jar"
  [ ! -f "$jar" ] || [ -n "$(find "$IM_ROOT/$1/src/main" "$IM_ROOT/$1/pom.xml" "$IM_ROOT/pom.xml" \
    "$IM_ROOT/service-common/src/main" "$IM_ROOT/service-common/pom.xml" \
    -newer "$jar" -print -quit)" ]
}

# build_services MODULE...: one `mvn package` (tests skipped) for the modules that are stale.
build_services() {
  local stale=() m
  for m in "$@"; do service_stale "$m" && stale+=("$m"); done
  [ ${#stale[@]} -eq 0 ] && return 0
  log "building ${stale[*]} (mvn package)"
  # -am: map-gateway's tests need the other services' packaged applications from the same reactor.
  mvn_run -q package -DskipTests -am -pl "$(IFS=,; echo "${stale[*]}")" >&2
}

# start_service NAME APP PORT PIDFILE LOGFILE HEALTH [java options...]
# Starts one service and waits until it is healthy. APP is a module (its packaged application,
# built first when stale) or a path to a quarkus-run.jar, run as it is. The process is started with
# java [options...] -Dquarkus.http.port=PORT -jar ..., its PID written to PIDFILE, its output to
# LOGFILE; HEALTH is the path polled until it answers 2xx (/q/health/ready, or /q/health/live for a
# service started without what its readiness needs), for IM_START_TIMEOUT seconds (default 150).
# A service whose PIDFILE names a live process is left running.
start_service() {
  local name=$1 app=$2 port=$3 pidfile=$4 logfile=$5 health=$6; shift 6
  local jar=$app
  if [[ $app != *.jar ]]; then
    build_services "$app"
    jar="$IM_ROOT/$app/target/quarkus-app/quarkus-run.jar"
  fi
  if pid_alive "$pidfile"; then
    log "$name already running (pid $(cat "$pidfile"))"
  else
    port_open "$port" && die "port $port (for $name) is taken by another process"
    mkdir -p "$(dirname "$pidfile")" "$(dirname "$logfile")"
    log "starting $name on port $port"
    nohup java "$@" -Dquarkus.http.port="$port" -jar "$jar" >"$logfile" 2>&1 &
    echo $! >"$pidfile"
  fi
  local deadline=$((SECONDS + ${IM_START_TIMEOUT:-150}))
  until curl -fs -o /dev/null "http://127.0.0.1:$port$health"; do
    pid_alive "$pidfile" || die "$name exited; see $logfile"
    [ "$SECONDS" -lt "$deadline" ] || die "$name not healthy ($health) after ${IM_START_TIMEOUT:-150}s; see $logfile"
    sleep 0.3
  done
  log "$name is up ($health)"
}

# Tools the tests drive as a user would: GDAL's ogrinfo (a real GIS client), Chromium (the map in
# a real browser), kubectl (renders the kustomize overlays). Installed from Debian when missing.
ensure_test_tools() {
  local missing=()
  command -v ogrinfo >/dev/null || missing+=(gdal-bin)
  # Debian's python3, not the first python3 on PATH, sees Debian's python3-* packages
  /usr/bin/python3 -c 'import owslib' 2>/dev/null || missing+=(python3-owslib)
  command -v chromium >/dev/null || missing+=(chromium)
  command -v kubectl >/dev/null || missing+=(kubernetes-client)
  [ ${#missing[@]} -eq 0 ] || apt_install "${missing[@]}"
}
