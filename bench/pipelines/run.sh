#!/usr/bin/env bash
# Pipeline-runner benchmark driver: builds the bench module with the pipeline-runner it runs, checks that PostgreSQL
# answers, and runs the PipelinesBench harness (scheduler overhead on a 10,000-task DAG, 100 tasks of `true` on the
# local executor, kill-and-resume of a runner JVM). The harness creates and drops its own databases; this script
# drops any that an interrupted harness left behind.
# See bench/pipelines/README.md. Options this script does not know are handed to the harness.
set -euo pipefail

usage() {
  cat <<'USAGE'
usage: bench/pipelines/run.sh [driver options] [harness options]

driver options
  --quick                 1,000-task DAG, few rounds; results go to bench/pipelines/work/ unless --record
  --record / --no-record  refresh bench/pipelines/RESULTS.md (summary + appended run) and write
                          results/STAMP.json (default: record unless --quick)
  --no-build              do not rebuild api, pipeline-runner and bench
  --wait-quiet MIN        first wait up to MIN minutes for the machine to be idle (under 10% CPU over 5 s)
  -h, --help              this text; `--help-harness` shows the harness options

environment: JAVA_HOME (default: the java on PATH; JDK 21+); PGHOST (127.0.0.1), PGPORT (5432),
PGUSER (postgres), PGPASSWORD (empty) for the PostgreSQL server the databases are created on;
HARNESS_JVM_OPTS (replaces the harness's JVM flags)
USAGE
}

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
WORK="$HERE/work"
if [[ -n "${JAVA_HOME:-}" ]]; then JAVA="$JAVA_HOME/bin/java"; else JAVA=$(command -v java || true); fi
[[ -x "$JAVA" ]] || { printf '[run.sh] no java: set JAVA_HOME to a JDK 21+\n' >&2; exit 1; }
# Sized for the issue's 2-core target; the engine under test runs in this JVM (see README).
HARNESS_JVM_OPTS="${HARNESS_JVM_OPTS:--Xms1g -Xmx2g -XX:+UseG1GC -XX:ActiveProcessorCount=2}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"

quick=false record="" build=true help_harness=false wait_quiet=0
harness_args=()
while (($#)); do
  case "$1" in
    --quick) quick=true; harness_args+=(--quick) ;;
    --record) record=true ;;
    --no-record) record=false ;;
    --no-build) build=false ;;
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
if (( $(java_major) < 21 )); then
  log "$JAVA is Java $(java_major); the build and the benchmark need a JDK 21+: set JAVA_HOME"; exit 1
fi

stamp=$(date -u +%Y%m%d%H%M%S)
harness_pid=""
cleanup() {
  if [[ -n "$harness_pid" ]] && kill -0 "$harness_pid" 2>/dev/null; then
    kill "$harness_pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$harness_pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$harness_pid" 2>/dev/null || true
  fi
  # Databases of this run that the harness did not drop (it was interrupted); none when it ended normally.
  if command -v psql >/dev/null; then
    local left
    left=$(psql -X -At -d postgres -c \
      "SELECT datname FROM pg_database WHERE datname LIKE 'ponte\_bench\_pipelines\_${stamp}\_%'" 2>/dev/null || true)
    for db in $left; do
      [[ "$db" =~ ^ponte_bench_pipelines_[0-9]+_[0-9]+$ ]] || continue
      psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" || log "could not drop $db"
    done
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- checks and builds ------------------------------------------------------------------------
if ! (exec 3<>"/dev/tcp/$PGHOST/$PGPORT") 2>/dev/null; then
  log "no PostgreSQL answers on $PGHOST:$PGPORT (set PGHOST / PGPORT)"; exit 1
fi
cd "$ROOT"
if $build || [[ ! -f bench/target/runtime-classpath.txt ]]; then
  # -am: the bench runs the pipeline-runner of this work tree, not whatever jar ~/.m2 holds.
  log "building api, pipeline-runner and bench (tests skipped)"
  mvn_args=(-B -q package -pl bench -am -DskipTests -Djacoco.skip=true)
  ./mvnw -o "${mvn_args[@]}" 2>/dev/null || ./mvnw "${mvn_args[@]}"
fi
CP="$ROOT/bench/target/ponte-bench-0.1.0-SNAPSHOT.jar:$(cat bench/target/runtime-classpath.txt)"
JVM_QUIET=(--enable-native-access=ALL-UNNAMED -Djava.util.logging.manager=org.jboss.logmanager.LogManager)
(($(java_major) >= 24)) && JVM_QUIET+=(--sun-misc-unsafe-memory-access=allow)

if $help_harness; then
  "$JAVA" "${JVM_QUIET[@]}" -cp "$CP" io.ponte.bench.pipelines.PipelinesBench --help; exit 0
fi

mkdir -p "$WORK"
rm -rf "$WORK"/run-*
(( wait_quiet > 0 )) && wait_until_quiet "$wait_quiet"

# --- harness ----------------------------------------------------------------------------------
if $record; then
  mkdir -p "$HERE/results"
  out_md="$HERE/RESULTS.md" out_json="$HERE/results/$stamp.json"
else
  out_md="$WORK/RESULTS.md" out_json="$WORK/results-$stamp.json"
fi
log "report -> $out_md, raw -> $out_json"
# shellcheck disable=SC2086
"$JAVA" "${JVM_QUIET[@]}" $HARNESS_JVM_OPTS -cp "$CP" io.ponte.bench.pipelines.PipelinesBench \
  --repo "$ROOT" --work "$WORK" --stamp "$stamp" \
  --runner-java "$JAVA" \
  --results-md "$out_md" --results-json "$out_json" \
  "${harness_args[@]}" &
harness_pid=$!
wait "$harness_pid"
