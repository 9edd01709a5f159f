package io.ponte.offload.core.script;

/**
 * The fixed part of every job script: helper functions. Kept apart from {@link JobScript} so the
 * generator reads as the pod's structure. Nothing here contains pod data.
 */
final class JobScriptPrelude {
    private JobScriptPrelude() {}

    static final String FUNCTIONS = """
            # now: seconds since the epoch, with microseconds where bash >= 5 offers them.
            now() {
              if [[ -n ${EPOCHREALTIME:-} ]]; then printf '%s\\n' "${EPOCHREALTIME/,/.}"; else date +%s; fi
            }

            # stamp: one time per line read (the line itself is in the log file, byte for byte).
            stamp() {
              local line
              while IFS= read -r line || [[ -n $line ]]; do now; done
            }

            # put FILE VALUE: write a small file atomically.
            put() { printf '%s\\n' "$2" > "$1.tmp" && mv -f "$1.tmp" "$1"; }

            # run_container NAME FUNCTION MEMORY_KB: run one container, its output to its log, its
            # exit code to its exit file. SIGTERM reaches the container, not this bookkeeping, which
            # notes it (the job is being stopped: the scheduler's reason is the container's reason).
            run_container() {
              local dir="containers/$1" code
              trap ': > "$dir/signalled"' TERM
              now > "$dir/started"
              {
                if [[ -n $3 ]]; then ulimit -d "$3" || exit 125; fi
                "$2"
              } < /dev/null 2>&1 | tee "$dir/log" | stamp > "$dir/log.times"
              code=${PIPESTATUS[0]}
              now > "$dir/finished"
              put "$dir/exit" "$code"
              return "$code"
            }

            # http_ok HOST PORT PATH TIMEOUT: an HTTP GET answered 2xx or 3xx. The answer is read to
            # its end (as the kubelet does; closing early makes the server's write fail). Pods share
            # the host's network here, so with perl (in every Debian base system) the probe resets
            # the connection once the server has closed it: the server's side then keeps no
            # TIME_WAIT on the pod's port, which would stop a server without SO_REUSEADDR from
            # binding that port again for a minute (the next pod using it, or a restarted one).
            http_ok() {
              local status
              if command -v perl > /dev/null 2>&1; then
                status=$(timeout "$4" perl -MIO::Socket::IP -MSocket=SOL_SOCKET,SO_LINGER -e '
                  my ($host, $port, $path) = @ARGV;
                  my $s = IO::Socket::IP->new(PeerHost => $host, PeerPort => $port, Proto => "tcp") or exit 1;
                  syswrite $s, "GET $path HTTP/1.0\\r\\nHost: $host\\r\\nUser-Agent: kube-probe/ponte\\r\\nConnection: close\\r\\n\\r\\n";
                  my ($answer, $n, $chunk) = ("", 0, "");
                  while (length($answer) < 10240 && ($n = sysread($s, $chunk, 4096))) { $answer .= $chunk }
                  setsockopt($s, SOL_SOCKET, SO_LINGER, pack("ii", 1, 0)) if defined $n && $n == 0;
                  close $s;
                  print((split /\\r?\\n/, $answer)[0] // "")' "$1" "$2" "$3" 2>/dev/null)
              else
                status=$(timeout "$4" bash -c 'exec 3<>"/dev/tcp/$1/$2" || exit 1
                  printf "GET %s HTTP/1.0\\r\\nHost: %s\\r\\nUser-Agent: kube-probe/ponte\\r\\nConnection: close\\r\\n\\r\\n" "$3" "$1" >&3
                  IFS= read -r line <&3; printf "%s" "$line"; head -c 10240 <&3 > /dev/null' _ "$1" "$2" "$3" 2>/dev/null)
              fi
              [[ $status =~ ^HTTP/[0-9.]+\\ [23][0-9][0-9] ]]
            }

            # tcp_ok HOST PORT TIMEOUT: a TCP connection is accepted.
            tcp_ok() { timeout "$3" bash -c 'exec 3<>"/dev/tcp/$1/$2"' _ "$1" "$2" 2>/dev/null; }

            # exec_ok FUNCTION TIMEOUT: the probe command exits 0 in time.
            exec_ok() { timeout "$2" bash -c "$(declare -f "$1"); $1" > /dev/null 2>&1 < /dev/null; }

            # stop_group PGID: SIGTERM, then SIGKILL after the grace period.
            stop_group() {
              kill -TERM -- "-$1" 2>/dev/null || return 0
              local i
              for ((i = 0; i < GRACE * 10; i++)); do kill -0 -- "-$1" 2>/dev/null || return 0; sleep 0.1; done
              kill -KILL -- "-$1" 2>/dev/null
            }

            # probe NAME PGID KIND DELAY PERIOD TIMEOUT FAILURES SUCCESSES CHECK...: run a probe as the
            # kubelet does; a failed startup or liveness probe stops the container.
            probe() {
              local name=$1 pgid=$2 kind=$3 delay=$4 period=$5 timeout=$6 failures=$7 successes=$8
              shift 8
              local dir="containers/$name" fails=0 oks=0
              sleep "$delay"
              if [[ $kind != startup && -e $dir/startup.probe ]]; then
                while [[ ! -e $dir/startup.ok ]]; do [[ -e $dir/exit ]] && return 0; sleep 0.5; done
              fi
              while [[ ! -e $dir/exit ]]; do
                if "$@" "$timeout"; then oks=$((oks + 1)); fails=0; else fails=$((fails + 1)); oks=0; fi
                case $kind in
                  startup)
                    if ((oks >= successes)); then : > "$dir/startup.ok"; return 0; fi ;;
                  readiness)
                    if ((oks >= successes)); then : > "$dir/ready"; elif ((fails >= failures)); then rm -f "$dir/ready"; fi ;;
                esac
                if [[ $kind != readiness ]] && ((fails >= failures)); then
                  put "$dir/probe.failed" "$kind probe failed $fails times in a row"
                  stop_group "$pgid"
                  return 0
                fi
                sleep "$period"
              done
            }
            """;
}
