#!/usr/bin/env bash
# rag benchmark driver: builds, copies the corpus into a scratch directory (the benchmark changes and deletes files in
# its copy), then runs the RagBench harness, which starts the rag service three times (ingest; hybrid; rerank) on
# fresh indexes under bench/rag/work/ and stops it at the end. See bench/rag/README.md. Options this script does not
# know are handed to the harness.
set -euo pipefail

usage() {
  cat <<'USAGE'
usage: bench/rag/run.sh [driver options] [harness options]

driver options
  --quick                 short counts, one try; results go to bench/rag/work/ unless --record
  --record / --no-record  refresh bench/rag/RESULTS.md (summary + appended run) and write results/STAMP.json
                          (default: record unless --quick)
  --no-build              do not rebuild api, rag and bench
  --jvm-opts-file F       service JVM arguments, one per line (default bench/rag/rag-jvm.options)
  --jvm-opt ARG           one more service JVM argument (repeatable; after the file's)
  --cpus LIST             pin the service to these CPUs with taskset (default: 0,1 when the machine has more
                          than 2 CPUs, none otherwise)
  --corpus DIR            the corpus to copy (default ../shared/corpus/infn-docs)
  --questions FILE        development questions (default ../shared/eval/rag-dev.jsonl)
  --wait-quiet MIN        first wait up to MIN minutes for the machine to be idle (under 10% CPU over 5 s)
  -h, --help              this text; `--help-harness` shows the harness options

environment: JAVA_HOME (required: a JDK 21 or newer); HARNESS_JVM_OPTS (replaces the harness's JVM
flags)
USAGE
}

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
WORK="$HERE/work"
: "${JAVA_HOME:?set JAVA_HOME to a JDK 21 or newer}"; export JAVA_HOME
JAVA="$JAVA_HOME/bin/java"
RAG_JAR="$ROOT/rag/target/quarkus-app/quarkus-run.jar"
HARNESS_JVM_OPTS="${HARNESS_JVM_OPTS:--Xmx512m -XX:+UseSerialGC}"

quick=false record="" build=true help_harness=false wait_quiet=0 cpus=""
jvm_opts_file="$HERE/rag-jvm.options"
corpus="$ROOT/../shared/corpus/infn-docs"
questions="$ROOT/../shared/eval/rag-dev.jsonl"
jvm_extra=() harness_args=()
while (($#)); do
  case "$1" in
    --quick) quick=true; harness_args+=(--quick) ;;
    --record) record=true ;;
    --no-record) record=false ;;
    --no-build) build=false ;;
    --jvm-opts-file) jvm_opts_file="$2"; shift ;;
    --jvm-opt) jvm_extra+=("$2"); shift ;;
    --cpus) cpus="$2"; shift ;;
    --corpus) corpus="$2"; shift ;;
    --questions) questions="$2"; shift ;;
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

# --- builds -----------------------------------------------------------------------------------
cd "$ROOT"
if $build || [[ ! -f bench/target/runtime-classpath.txt || ! -f "$RAG_JAR" ]]; then
  log "building api, rag and bench (tests skipped)"
  mvn_args=(-B -q package -pl api,rag,bench -am -DskipTests -Djacoco.skip=true)
  ./mvnw -o "${mvn_args[@]}" 2>/dev/null || ./mvnw "${mvn_args[@]}"
fi
CP="$ROOT/bench/target/ponte-bench-0.1.0-SNAPSHOT.jar:$(cat bench/target/runtime-classpath.txt)"
JVM_QUIET=(--enable-native-access=ALL-UNNAMED)
(($(java_major) >= 24)) && JVM_QUIET+=(--sun-misc-unsafe-memory-access=allow)

if $help_harness; then
  "$JAVA" "${JVM_QUIET[@]}" -cp "$CP" io.ponte.bench.rag.RagBench --help; exit 0
fi

# --- scratch: fresh indexes, a corpus copy that may be changed -----------------------------------
[[ -d "$corpus" ]] || { log "no corpus at $corpus"; exit 1; }
[[ -f "$questions" ]] || { log "no questions at $questions"; exit 1; }
rm -rf "$WORK"
mkdir -p "$WORK/tmp"
cp -r "$corpus" "$WORK/corpus"
log "corpus copied: $(find "$WORK/corpus" -type f | wc -l) files"
if [[ -z "$cpus" && $(nproc --all) -gt 2 ]]; then cpus="0,1"; fi

jvm_opts=()
if [[ -f "$jvm_opts_file" ]]; then
  while IFS= read -r line || [[ -n "$line" ]]; do
    line="${line#"${line%%[![:space:]]*}"}"
    [[ -z "$line" || "$line" == \#* ]] || jvm_opts+=("$line")
  done <"$jvm_opts_file"
fi
service_args=()
for o in "${jvm_opts[@]}" "${jvm_extra[@]}"; do service_args+=("--jvm-opt=$o"); done
[[ -n "$cpus" ]] && service_args+=(--cpus "$cpus")

(( wait_quiet > 0 )) && wait_until_quiet "$wait_quiet"

# --- harness ----------------------------------------------------------------------------------
stamp=$(date -u +%Y%m%dT%H%M%SZ)
if $record; then
  mkdir -p "$HERE/results"
  out_md="$HERE/RESULTS.md" out_json="$HERE/results/$stamp.json"
else
  out_md="$WORK/RESULTS.md" out_json="$WORK/results-$stamp.json"
fi
log "report -> $out_md, raw -> $out_json"
# The harness's ONNX Runtime (the baseline) unpacks its native library into java.io.tmpdir.
# shellcheck disable=SC2086
"$JAVA" "${JVM_QUIET[@]}" $HARNESS_JVM_OPTS -Djava.io.tmpdir="$WORK/tmp" -cp "$CP" io.ponte.bench.rag.RagBench \
  --jar "$RAG_JAR" \
  --corpus "$WORK/corpus" \
  --questions "$questions" \
  --work "$WORK" \
  --repo "$ROOT" \
  --results-md "$out_md" --results-json "$out_json" \
  "${service_args[@]}" \
  "${harness_args[@]}"
