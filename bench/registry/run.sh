#!/usr/bin/env bash
# Model-registry benchmark driver: creates a fresh PostgreSQL database, starts the registry on it, runs the
# RegistryBench harness (load 100,000 versions through the API, then measure get / filtered list / create next
# to a JDBC baseline), then stops the registry and drops the database, however it exits.
# See bench/registry/README.md. Options this script does not know are handed to the harness.
set -euo pipefail

usage() {
  cat <<'USAGE'
usage: bench/registry/run.sh [driver options] [harness options]

driver options
  --quick                 small data set, short counts; results go to bench/registry/work/ unless --record
  --record / --no-record  refresh bench/registry/RESULTS.md (summary + appended run) and write
                          results/STAMP.json (default: record unless --quick)
  --no-build              do not rebuild api, model-registry and bench
  --jvm-opts-file F       registry JVM arguments, one per line (default bench/registry/registry-jvm.options)
  --jvm-opt ARG           one more registry JVM argument (repeatable; after the file's)
  --keep-db               leave the database in place at the end (its name is printed)
  --wait-quiet MIN        first wait up to MIN minutes for the machine to be idle (under 10% CPU over 5 s)
  -h, --help              this text; `--help-harness` shows the harness options

environment: JAVA_HOME (required: a JDK 21 or newer); PGHOST (127.0.0.1), PGPORT (5432),
PGUSER (postgres), PGPASSWORD (empty) for the PostgreSQL server the database is created on;
HARNESS_JVM_OPTS (replaces the load generator's JVM flags)
USAGE
}

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
WORK="$HERE/work"
: "${JAVA_HOME:?set JAVA_HOME to a JDK 21 or newer}"; export JAVA_HOME
JAVA="$JAVA_HOME/bin/java"
REGISTRY_JAR="$ROOT/model-registry/target/quarkus-app/quarkus-run.jar"
HARNESS_JVM_OPTS="${HARNESS_JVM_OPTS:--Xms512m -Xmx512m -XX:+UseParallelGC}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"

quick=false record="" build=true help_harness=false keep_db=false wait_quiet=0
jvm_opts_file="$HERE/registry-jvm.options"
jvm_extra=() harness_args=()
while (($#)); do
  case "$1" in
    --quick) quick=true; harness_args+=(--quick) ;;
    --record) record=true ;;
    --no-record) record=false ;;
    --no-build) build=false ;;
    --jvm-opts-file) jvm_opts_file="$2"; shift ;;
    --jvm-opt) jvm_extra+=("$2"); shift ;;
    --keep-db) keep_db=true ;;
    --wait-quiet) wait_quiet="$2"; shift ;;
    --help-harness) help_harness=true ;;
    -h|--help) usage; exit 0 ;;
    *) harness_args+=("$1") ;;
  esac
  shift
done
[[ -n "$record" ]] || { $quick && record=false || record=true; }

log() { printf '[run.sh] %s\n' "$*" >&2; }
# shellcheck source=../lib.sh
. "$HERE/../lib.sh"

java_major() { "$JAVA" -version 2>&1 | sed -nE '1s/.*version "([0-9]+).*/\1/p'; }

psql_admin() { psql -X -q -v ON_ERROR_STOP=1 -d postgres "$@"; }

registry_pid="" db=""
cleanup() {
  if [[ -n "$registry_pid" ]]; then
    kill "$registry_pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$registry_pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$registry_pid" 2>/dev/null || true
  fi
  if [[ -n "$db" ]]; then
    if $keep_db; then
      log "database $db kept"
    else
      psql_admin -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" || log "could not drop database $db"
    fi
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- builds -----------------------------------------------------------------------------------
cd "$ROOT"
if $build || [[ ! -f bench/target/runtime-classpath.txt || ! -f "$REGISTRY_JAR" ]]; then
  log "building api, model-registry and bench (tests skipped)"
  mvn_args=(-B -q package -pl api,model-registry,bench -am -DskipTests -Djacoco.skip=true)
  ./mvnw -o "${mvn_args[@]}" 2>/dev/null || ./mvnw "${mvn_args[@]}"
fi
CP="$ROOT/bench/target/ponte-bench-0.1.0-SNAPSHOT.jar:$(cat bench/target/runtime-classpath.txt)"
JVM_QUIET=(--enable-native-access=ALL-UNNAMED)
(($(java_major) >= 24)) && JVM_QUIET+=(--sun-misc-unsafe-memory-access=allow)

if $help_harness; then
  "$JAVA" "${JVM_QUIET[@]}" -cp "$CP" io.ponte.bench.registry.RegistryBench --help; exit 0
fi

mkdir -p "$WORK"
rm -f "$WORK"/*.log
(( wait_quiet > 0 )) && wait_until_quiet "$wait_quiet"

# --- database ---------------------------------------------------------------------------------
stamp=$(date -u +%Y%m%dT%H%M%SZ)
db="ponte_bench_$(tr 'A-Z' 'a-z' <<<"$stamp")"
psql_admin -c "CREATE DATABASE $db"
jdbc_url="jdbc:postgresql://$PGHOST:$PGPORT/$db"
log "database $db on $PGHOST:$PGPORT"

# --- registry ---------------------------------------------------------------------------------
port=$(free_port)
jvm_opts=()
if [[ -f "$jvm_opts_file" ]]; then
  while IFS= read -r line || [[ -n "$line" ]]; do
    line="${line#"${line%%[![:space:]]*}"}"
    [[ -z "$line" || "$line" == \#* ]] || jvm_opts+=("$line")
  done <"$jvm_opts_file"
fi
# The password reaches the registry through its environment (SmallRye maps PONTE_REGISTRY_DATABASE_PASSWORD),
# and the harness reads PGPASSWORD itself: neither appears on a command line the report records.
[[ -n "${PGPASSWORD:-}" ]] && export PONTE_REGISTRY_DATABASE_PASSWORD="$PGPASSWORD"
"$JAVA" \
  -Dquarkus.http.host=127.0.0.1 \
  -Dquarkus.http.port="$port" \
  -Dponte.registry.database.url="$jdbc_url" \
  -Dponte.registry.database.user="$PGUSER" \
  "${jvm_opts[@]}" "${jvm_extra[@]}" \
  -jar "$REGISTRY_JAR" >"$WORK/registry.log" 2>&1 &
registry_pid=$!
ready=false
for _ in $(seq 1 900); do
  if curl -fsS -o /dev/null "http://127.0.0.1:$port/q/health/ready" 2>/dev/null; then ready=true; break; fi
  kill -0 "$registry_pid" 2>/dev/null || { log "registry exited during start-up; see $WORK/registry.log"; exit 1; }
  sleep 0.1
done
$ready || { log "registry not ready on $port within 90 s; see $WORK/registry.log"; exit 1; }
log "registry pid $registry_pid ready on $port"

# --- harness ----------------------------------------------------------------------------------
if $record; then
  mkdir -p "$HERE/results"
  out_md="$HERE/RESULTS.md" out_json="$HERE/results/$stamp.json"
else
  out_md="$WORK/RESULTS.md" out_json="$WORK/results-$stamp.json"
fi
log "report -> $out_md, raw -> $out_json"
# shellcheck disable=SC2086
"$JAVA" "${JVM_QUIET[@]}" $HARNESS_JVM_OPTS -cp "$CP" io.ponte.bench.registry.RegistryBench \
  --url "http://127.0.0.1:$port" \
  --jdbc-url "$jdbc_url" --jdbc-user "$PGUSER" \
  --service-pid "$registry_pid" \
  --repo "$ROOT" \
  --results-md "$out_md" --results-json "$out_json" \
  "${harness_args[@]}"
