#!/usr/bin/env bash
# Offload-bridge benchmark driver: starts the local Slurm cluster (scripts/slurm.sh) and the bridge
# (slurm backend, subprocess runtime) on loopback, runs the OffloadBench harness against both, and
# stops the bridge on exit. See bench/offload/README.md.
set -euo pipefail

usage() {
  cat <<'USAGE'
usage: bench/offload/run.sh [driver options] [harness options]

driver options
  --quick                 20 pods, 100 tracked; results go to bench/offload/work/ unless --record
  --record / --no-record  append to bench/offload/RESULTS.md + write results/STAMP.json
                          (default: record unless --quick)
  --no-build              use the jars already built
  -h, --help              this text; `--help-harness` shows the harness options

environment: JAVA_HOME (a JDK 21+; default: java on PATH), BRIDGE_JVM_OPTS (default
"-Xmx256m -XX:+UseSerialGC"), BRIDGE_POLL_INTERVAL (the bridge's scheduler-answer reuse, default 100ms)
USAGE
}

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
WORK="$HERE/work"
if [[ -n "${JAVA_HOME:-}" ]]; then
  JAVA="$JAVA_HOME/bin/java"
else
  JAVA=$(command -v java) || { echo "set JAVA_HOME to a JDK 21 or newer" >&2; exit 1; }
fi
BRIDGE_JAR="$ROOT/offload-bridge/target/quarkus-app/quarkus-run.jar"
BRIDGE_JVM_OPTS="${BRIDGE_JVM_OPTS:--Xmx256m -XX:+UseSerialGC}"
BRIDGE_POLL_INTERVAL="${BRIDGE_POLL_INTERVAL:-100ms}"

quick=false record="" build=true help_harness=false harness_args=()
while (($#)); do
  case "$1" in
    --quick) quick=true; harness_args+=(--pods 20 --tracked 100 --single-requests 200 --batch-requests 5) ;;
    --record) record=true ;;
    --no-record) record=false ;;
    --no-build) build=false ;;
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

bridge_pid=""
cleanup() {
  if [[ -n "$bridge_pid" ]]; then
    kill "$bridge_pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$bridge_pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$bridge_pid" 2>/dev/null || true
  fi
  # Baseline jobs carry this name; the harness deletes the bridge's pods itself.
  [[ -n "${SLURM_CONF:-}" ]] && scancel --name=bench-baseline 2>/dev/null || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

cd "$ROOT"
if $build || [[ ! -f bench/target/runtime-classpath.txt || ! -f "$BRIDGE_JAR" ]]; then
  log "building bench and offload-bridge"
  ./mvnw -B -q -o -pl bench,offload-bridge -am package -DskipTests 2>/dev/null \
    || ./mvnw -B -q -pl bench,offload-bridge -am package -DskipTests
fi
CP="$ROOT/bench/target/ponte-bench-0.1.0-SNAPSHOT.jar:$(cat bench/target/runtime-classpath.txt)"
JVM_QUIET=(--enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow)
if $help_harness; then
  "$JAVA" "${JVM_QUIET[@]}" -cp "$CP" io.ponte.bench.offload.OffloadBench --help; exit 0
fi

# --- Slurm --------------------------------------------------------------------------------------
eval "$("$ROOT/scripts/slurm.sh" start)"
export SLURM_CONF
SLURM_STATE=$(dirname "$(dirname "$SLURM_CONF")")
slurmctld_pid=$(cat "$SLURM_STATE/run/slurmctld.pid")
slurmd_pid=$(cat "$SLURM_STATE/run/slurmd.pid")

# --- bridge -------------------------------------------------------------------------------------
rm -rf "$WORK"
mkdir -p "$WORK/pods"
port=$(free_port)
bridge_settings="backend=slurm, runtime=subprocess, poll-interval=$BRIDGE_POLL_INTERVAL, JVM: $BRIDGE_JVM_OPTS"
# shellcheck disable=SC2086
"$JAVA" $BRIDGE_JVM_OPTS \
  -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$port" \
  -Dponte.offload.backend=slurm -Dponte.offload.runtime=subprocess \
  -Dponte.offload.root="$WORK/pods" -Dponte.offload.slurm.conf="$SLURM_CONF" \
  -Dponte.offload.poll-interval="$BRIDGE_POLL_INTERVAL" \
  -jar "$BRIDGE_JAR" >"$WORK/bridge.log" 2>&1 &
bridge_pid=$!
for _ in $(seq 1 600); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then break; fi
  kill -0 "$bridge_pid" 2>/dev/null || { log "the bridge exited during start-up; see $WORK/bridge.log"; exit 1; }
  sleep 0.1
done
log "bridge pid $bridge_pid on $port; slurmctld $slurmctld_pid, slurmd $slurmd_pid"

# --- harness ------------------------------------------------------------------------------------
stamp=$(date -u +%Y%m%dT%H%M%SZ)
if $record; then
  mkdir -p "$HERE/results"
  out_md="$HERE/RESULTS.md" out_json="$HERE/results/$stamp.json"
else
  out_md="$WORK/RESULTS.md" out_json="$WORK/results-$stamp.json"
fi
"$JAVA" "${JVM_QUIET[@]}" -Xmx512m -cp "$CP" io.ponte.bench.offload.OffloadBench \
  --bridge-url "http://127.0.0.1:$port" --bridge-pid "$bridge_pid" \
  --slurm-conf "$SLURM_CONF" --slurmctld-pid "$slurmctld_pid" --slurmd-pid "$slurmd_pid" \
  --work "$WORK" --bridge-settings "$bridge_settings" \
  --repo "$ROOT" --results-md "$out_md" --results-json "$out_json" \
  "${harness_args[@]}"
