#!/usr/bin/env bash
# A single-node Slurm cluster on loopback for development, tests and CI.
#
#   scripts/slurm.sh start    install what is missing, write the config, start the daemons, wait
#                             until the node takes jobs; prints `export SLURM_CONF=...` on stdout
#   scripts/slurm.sh stop     stop slurmd, slurmctld and munged (the state dir stays)
#   scripts/slurm.sh status   exit 0 when the cluster answers and the node is usable, 3 when not
#   scripts/slurm.sh env      print `export SLURM_CONF=...` (for eval)
#   scripts/slurm.sh reset    stop, then delete the state dir (jobs, logs, completion log)
#
# Everything lives under one state dir, ${PONTE_SLURM_DIR:-$HOME/.cache/ponte/slurm}: slurm.conf,
# the munge key and socket, spool, logs, the job completion log. Nothing is written to /etc/slurm:
# every Slurm command must see SLURM_CONF=<state dir>/etc/slurm.conf (eval "$(scripts/slurm.sh env)"),
# and the offload-bridge passes it to the commands it runs. Running `start` twice is harmless; a
# wiped machine gets its packages installed again.
#
# Settings (environment): PONTE_SLURM_DIR, PONTE_SLURM_CTLD_PORT (6817), PONTE_SLURM_SLURMD_PORT
# (6818), PONTE_SLURM_MEM_MB (node RealMemory; default 80 % of MemTotal), PONTE_SLURM_CPUS (nproc).
set -euo pipefail

STATE_DIR="${PONTE_SLURM_DIR:-$HOME/.cache/ponte/slurm}"
CTLD_PORT="${PONTE_SLURM_CTLD_PORT:-6817}"
SLURMD_PORT="${PONTE_SLURM_SLURMD_PORT:-6818}"
CONF="$STATE_DIR/etc/slurm.conf"
MUNGE_DIR="$STATE_DIR/munge"
MUNGE_SOCKET="$MUNGE_DIR/munge.socket"
PACKAGES=(slurmctld slurmd slurm-client munge)

log() { printf 'slurm.sh: %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }

# --- packages -------------------------------------------------------------------------------
install_packages() {
  local missing=() p
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  [ "$(id -u)" -eq 0 ] || die "missing packages ${missing[*]}; run as root or install them first"
  log "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  local apt=(apt-get -o DPkg::Lock::Timeout=300 -y -q)
  if [ -z "$(apt-cache policy slurmctld 2>/dev/null | awk '/Candidate:/ && $2 != "(none)"')" ]; then
    "${apt[@]}" update >&2
  fi
  "${apt[@]}" install --no-install-recommends "${missing[@]}" >&2
  # The packages' own services are not used (and there is no systemd here to start them).
}

# --- processes ------------------------------------------------------------------------------
# pid_of NAME PIDFILE: prints the pid when the file names a live process called NAME.
pid_of() {
  local pid
  [ -s "$2" ] || return 1
  pid="$(tr -dc '0-9' <"$2")"
  [ -n "$pid" ] && [ -r "/proc/$pid/comm" ] && [ "$(cat "/proc/$pid/comm")" = "$1" ] || return 1
  # A killed daemon may linger as a zombie where PID 1 does not reap orphans.
  [ "$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null)" != Z ] || return 1
  echo "$pid"
}

stop_one() { # NAME PIDFILE
  local pid i
  pid="$(pid_of "$1" "$2")" || { rm -f "$2"; return 0; }
  kill "$pid" 2>/dev/null || true
  for i in $(seq 1 100); do
    [ -d "/proc/$pid" ] || break
    sleep 0.1
  done
  if [ -d "/proc/$pid" ]; then
    log "$1 ($pid) did not stop in 10 s; killing it"
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$2"
}

# --- configuration --------------------------------------------------------------------------
write_munge_key() {
  mkdir -p "$MUNGE_DIR"
  chmod 0700 "$MUNGE_DIR"
  if [ ! -s "$MUNGE_DIR/munge.key" ]; then
    dd if=/dev/urandom of="$MUNGE_DIR/munge.key" bs=1024 count=1 status=none
  fi
  chmod 0400 "$MUNGE_DIR/munge.key"
}

write_conf() {
  local cpus mem_total_mb mem host
  cpus="${PONTE_SLURM_CPUS:-$(nproc)}"
  mem_total_mb=$(($(awk '/^MemTotal:/ {print $2}' /proc/meminfo) / 1024))
  mem="${PONTE_SLURM_MEM_MB:-$((mem_total_mb * 8 / 10))}"
  host="$(hostname -s)"
  mkdir -p "$STATE_DIR/etc" "$STATE_DIR/ctld" "$STATE_DIR/spool" "$STATE_DIR/log" "$STATE_DIR/run"
  cat >"$CONF.new" <<EOF
# Written by scripts/slurm.sh; rewritten on every start.
ClusterName=ponte
SlurmctldHost=${host}(127.0.0.1)
SlurmctldPort=${CTLD_PORT}
SlurmdPort=${SLURMD_PORT}
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=${MUNGE_SOCKET}
StateSaveLocation=${STATE_DIR}/ctld
SlurmdSpoolDir=${STATE_DIR}/spool
SlurmctldPidFile=${STATE_DIR}/run/slurmctld.pid
SlurmdPidFile=${STATE_DIR}/run/slurmd.pid
SlurmctldLogFile=${STATE_DIR}/log/slurmctld.log
SlurmdLogFile=${STATE_DIR}/log/slurmd.log
MailProg=/bin/true
# No systemd and no cgroup controllers here.
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
# Memory is sampled every second and a job above its --mem is killed (state OUT_OF_MEMORY).
JobAcctGatherType=jobacct_gather/linux
JobAcctGatherFrequency=task=1
JobAcctGatherParams=OverMemoryKill
AccountingStorageType=accounting_storage/none
# No slurmdbd: \`sacct -c\` reads this completion log for jobs the controller has forgotten.
JobCompType=jobcomp/filetxt
JobCompLoc=${STATE_DIR}/log/jobcomp.log
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
DefMemPerCPU=500
SchedulerParameters=batch_sched_delay=0,sched_min_interval=0
# Finished jobs stay visible to squeue/scontrol for 15 minutes.
MinJobAge=900
# sbatch refuses at once a job the partition can never run (instead of leaving it pending).
EnforcePartLimits=ALL
ReturnToService=2
SlurmdTimeout=60
InactiveLimit=0
KillWait=5
NodeName=localhost NodeAddr=127.0.0.1 CPUs=${cpus} RealMemory=${mem} State=UNKNOWN
PartitionName=debug Nodes=localhost Default=YES MaxTime=INFINITE State=UP
EOF
  mv "$CONF.new" "$CONF"
}

# --- start / stop / status ------------------------------------------------------------------
slurm_env() { env SLURM_CONF="$CONF" "$@"; }

node_ready() {
  local state
  state="$(slurm_env sinfo -h -N -n localhost -o '%T' 2>/dev/null | head -n1)" || return 1
  case "$state" in idle | mixed | allocated | completing) ;; *) return 1 ;; esac
  slurm_env scontrol show node localhost 2>/dev/null | grep -Eq 'SlurmdStartTime=[0-9]'
}

healthy() {
  [ -f "$CONF" ] && pid_of munged "$MUNGE_DIR/munged.pid" >/dev/null \
    && pid_of slurmctld "$STATE_DIR/run/slurmctld.pid" >/dev/null \
    && pid_of slurmd "$STATE_DIR/run/slurmd.pid" >/dev/null && node_ready
}

start() {
  install_packages
  if healthy; then
    log "already running (state dir $STATE_DIR)"
    print_env
    return 0
  fi
  write_munge_key
  write_conf
  if ! pid_of munged "$MUNGE_DIR/munged.pid" >/dev/null; then
    rm -f "$MUNGE_SOCKET" "$MUNGE_SOCKET.lock"
    munged --force --key-file="$MUNGE_DIR/munge.key" --socket="$MUNGE_SOCKET" \
      --pid-file="$MUNGE_DIR/munged.pid" --log-file="$MUNGE_DIR/munged.log" \
      --seed-file="$MUNGE_DIR/munged.seed" 9>&- </dev/null >>"$STATE_DIR/log/daemons.out" 2>&1
  fi
  # Pick up a rewritten config: restart the Slurm daemons rather than trusting an old one.
  stop_one slurmd "$STATE_DIR/run/slurmd.pid"
  stop_one slurmctld "$STATE_DIR/run/slurmctld.pid"
  # The daemons must not inherit the lock (fd 9) nor the caller's pipes.
  SLURM_CONF="$CONF" slurmctld -f "$CONF" -i 9>&- </dev/null >>"$STATE_DIR/log/daemons.out" 2>&1
  SLURM_CONF="$CONF" slurmd -f "$CONF" -N localhost 9>&- </dev/null >>"$STATE_DIR/log/daemons.out" 2>&1
  local i
  for i in $(seq 1 300); do
    if node_ready; then
      # A node that was DOWN/DRAINED in saved state is returned to service.
      log "ready after $((i / 10)).$((i % 10)) s (state dir $STATE_DIR)"
      print_env
      return 0
    fi
    if [ $((i % 50)) -eq 0 ]; then
      slurm_env scontrol update NodeName=localhost State=RESUME >/dev/null 2>&1 || true
    fi
    sleep 0.1
  done
  log "the node did not become idle in 30 s; last log lines:"
  tail -n 20 "$STATE_DIR/log/slurmctld.log" "$STATE_DIR/log/slurmd.log" >&2 || true
  slurm_env sinfo -N >&2 || true
  exit 1
}

stop() {
  stop_one slurmd "$STATE_DIR/run/slurmd.pid"
  stop_one slurmctld "$STATE_DIR/run/slurmctld.pid"
  stop_one munged "$MUNGE_DIR/munged.pid"
  log "stopped"
}

status() {
  if healthy; then
    slurm_env sinfo >&2
    print_env
    return 0
  fi
  log "not running (state dir $STATE_DIR)"
  return 3
}

print_env() { printf 'export SLURM_CONF=%q\n' "$CONF"; }

reset() {
  stop
  case "$STATE_DIR" in "" | / | "$HOME" | "$HOME/") die "refusing to delete '$STATE_DIR'" ;; esac
  rm -rf -- "$STATE_DIR"
  log "deleted $STATE_DIR"
}

# Concurrent callers (several test JVMs) take turns.
with_lock() {
  mkdir -p "$STATE_DIR"
  exec 9>"$STATE_DIR/.lock"
  flock -w 300 9 || die "another slurm.sh holds $STATE_DIR/.lock"
  "$@"
}

case "${1:-}" in
  start) with_lock start ;;
  stop) with_lock stop ;;
  status) status ;;
  env) print_env ;;
  reset) with_lock reset ;;
  *)
    echo "usage: $0 start|stop|status|env|reset" >&2
    exit 2
    ;;
esac
