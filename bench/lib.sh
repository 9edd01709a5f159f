#!/usr/bin/env bash
# Shell helpers the benchmark scripts share; sourced by bench/*/run.sh after they define log().

free_port() {
  local p
  for _ in $(seq 1 200); do
    p=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return; fi
  done
  log "no free port found"; exit 1
}

# Busy percent of all CPUs over the next 5 seconds, from /proc/stat.
cpu_busy_percent() {
  local a b
  read -r -a a < <(head -1 /proc/stat)
  sleep 5
  read -r -a b < <(head -1 /proc/stat)
  local busy=$(( (b[1]+b[2]+b[3]+b[6]+b[7]) - (a[1]+a[2]+a[3]+a[6]+a[7]) ))
  local total=$(( busy + (b[4]+b[5]+b[8]) - (a[4]+a[5]+a[8]) ))
  echo $(( 100 * busy / (total > 0 ? total : 1) ))
}

wait_until_quiet() {
  local deadline=$(( $(date +%s) + 60 * $1 )) busy
  while :; do
    busy=$(cpu_busy_percent)
    (( busy < 10 )) && { log "machine idle (${busy}% busy)"; return; }
    (( $(date +%s) >= deadline )) && { log "still ${busy}% busy after $1 min; running anyway"; return; }
    log "machine ${busy}% busy; waiting for it to go quiet"
  done
}
