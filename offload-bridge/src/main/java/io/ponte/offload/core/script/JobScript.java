package io.ponte.offload.core.script;

import io.ponte.offload.core.ContainerPlan;
import io.ponte.offload.core.PodPlan;
import io.ponte.offload.core.ProbePlan;
import java.time.Duration;
import java.util.List;

/**
 * Writes the bash job script of one pod. The script, run in the pod's working directory:
 *
 * <ol>
 *   <li>runs the {@code pre-exec} annotation's code, then starts the tunnel commands in the background;
 *   <li>runs the init containers one after the other, stopping at the first that fails;
 *   <li>starts the containers together, each in its own process group, with its postStart hook and
 *       probes beside it;
 *   <li>waits for all of them and exits with the highest container exit code.
 * </ol>
 *
 * <p>Each container's stdout and stderr go, byte for byte, to {@code containers/NAME/log}; a time
 * per line to {@code log.times}; its exit code to {@code exit}. Every word that comes from the pod
 * is quoted by {@link Shell}; container commands come quoted from the container runtime. Only the
 * {@code pre-exec} and tunnel annotations are shell code by design and are written as given.
 */
public final class JobScript {
    private final Duration grace;

    /** @param grace how long a stopped container gets between SIGTERM and SIGKILL */
    public JobScript(Duration grace) {
        this.grace = grace;
    }

    /** The script text; {@code directives} (e.g. {@code #SBATCH} lines) go right after the shebang. */
    public String render(PodPlan plan, List<String> directives) {
        StringBuilder s = new StringBuilder("#!/bin/bash\n");
        directives.forEach(d -> s.append(d).append('\n'));
        s.append("# Job script of the Ponte offload-bridge: one pod, one job.\n");
        s.append("set -m\n");
        s.append("cd ")
                .append(Shell.quote(plan.dir().path().toAbsolutePath().toString()))
                .append(" || exit 125\n");
        s.append("GRACE=").append(Math.max(1, grace.toSeconds())).append('\n');
        s.append(JobScriptPrelude.FUNCTIONS);
        functions(s, plan.initContainers(), true);
        functions(s, plan.containers(), false);
        s.append("""
                helpers=()
                finish() {
                  local pg
                  for pg in "${helpers[@]}"; do kill -TERM -- "-$pg" 2>/dev/null; done
                  put job.exit "$1"
                  exit "$1"
                }
                on_term() {
                  local f hooks=()
                  for f in $(compgen -A function prestop_); do
                    timeout "$GRACE" bash -c "$(declare -f "$f"); $f" > /dev/null 2>&1 < /dev/null &
                    hooks+=($!)
                  done
                  ((${#hooks[@]} > 0)) && wait "${hooks[@]}"
                }
                trap on_term TERM
                """);
        plan.preExec()
                .ifPresent(code -> s.append("# pre-exec (annotation slurm-job.vk.io/pre-exec)\n")
                        .append(code)
                        .append('\n'));
        plan.tunnelCommands()
                .ifPresent(code -> s.append("# tunnels (annotation interlink.eu/wstunnel-client-commands)\n")
                        .append("{\n")
                        .append(code)
                        .append("\n} > tunnels.log 2>&1 &\nhelpers+=($!)\n"));
        for (int i = 0; i < plan.initContainers().size(); i++) {
            ContainerPlan c = plan.initContainers().get(i);
            s.append("run_container ")
                    .append(Shell.quote(c.name()))
                    .append(" init_")
                    .append(i)
                    .append(' ')
                    .append(memory(c))
                    .append(" || finish $?\n");
        }
        s.append("pids=()\n");
        for (int i = 0; i < plan.containers().size(); i++) {
            startContainer(s, plan.containers().get(i), i);
        }
        s.append("""
                for pid in "${pids[@]}"; do
                  while ! wait "$pid"; do kill -0 "$pid" 2>/dev/null || break; done
                done
                highest=0
                for f in containers/*/exit; do
                  code=$(< "$f")
                  ((code > highest)) && highest=$code
                done
                finish "$highest"
                """);
        return s.toString();
    }

    private static void functions(StringBuilder s, List<ContainerPlan> containers, boolean init) {
        for (int i = 0; i < containers.size(); i++) {
            ContainerPlan c = containers.get(i);
            define(s, (init ? "init_" : "container_") + i, c.commandLine());
            if (init) {
                continue; // Kubernetes allows no hooks or probes on init containers
            }
            int container = i;
            c.postStart().ifPresent(line -> define(s, "poststart_" + container, line));
            c.preStop().ifPresent(line -> define(s, "prestop_" + container, line));
            for (int p = 0; p < c.probes().size(); p++) {
                int index = p;
                c.probes().get(p).execLine().ifPresent(line -> define(s, "probe_" + container + "_" + index, line));
            }
        }
    }

    private static void define(StringBuilder s, String name, String body) {
        s.append(name).append("() {\n").append(body).append("\n}\n");
    }

    private static void startContainer(StringBuilder s, ContainerPlan c, int i) {
        String name = Shell.quote(c.name());
        s.append("run_container ")
                .append(name)
                .append(" container_")
                .append(i)
                .append(' ')
                .append(memory(c))
                .append(" &\npg=$!\npids+=(\"$pg\")\n");
        c.postStart()
                .ifPresent(line -> s.append("poststart_")
                        .append(i)
                        .append(" > containers/")
                        .append(name)
                        .append("/poststart.log 2>&1 &\nhelpers+=($!)\n"));
        for (int p = 0; p < c.probes().size(); p++) {
            ProbePlan probe = c.probes().get(p);
            String kind = probe.kind().name().toLowerCase();
            s.append(": > containers/").append(name).append('/').append(kind).append(".probe\n");
            s.append("probe ")
                    .append(name)
                    .append(" \"$pg\" ")
                    .append(kind)
                    .append(' ')
                    .append(probe.initialDelaySeconds())
                    .append(' ')
                    .append(probe.periodSeconds())
                    .append(' ')
                    .append(probe.timeoutSeconds())
                    .append(' ')
                    .append(probe.failureThreshold())
                    .append(' ')
                    .append(probe.successThreshold())
                    .append(' ')
                    .append(check(probe, i, p))
                    .append(" &\nhelpers+=($!)\n");
        }
    }

    private static String check(ProbePlan probe, int container, int index) {
        if (probe.execLine().isPresent()) {
            return "exec_ok probe_" + container + "_" + index;
        }
        if (probe.httpPath().isPresent()) {
            return "http_ok " + Shell.quote(probe.host()) + " " + probe.port() + " "
                    + Shell.quote(probe.httpPath().get());
        }
        return "tcp_ok " + Shell.quote(probe.host()) + " " + probe.port();
    }

    private static String memory(ContainerPlan c) {
        return c.memoryKb().map(String::valueOf).orElse("''");
    }
}
