package io.ponte.pipelines.adapter.local;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/** Signals a whole process group through {@code kill(1)} (the JDK can signal single processes only). */
final class ProcessGroups {
    private static final Logger LOG = Logger.getLogger(ProcessGroups.class);

    private ProcessGroups() {}

    static void signal(ProcessRef group, String signal) {
        if (!group.alive()) {
            return;
        }
        run(List.of("kill", "-s", signal, "--", "-" + group.pid()));
    }

    static void run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(Redirect.DISCARD)
                    .start();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        } catch (IOException e) {
            LOG.warnf("could not run %s: %s", command.get(0), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
