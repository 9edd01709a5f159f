package io.ponte.bench.router;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** Runs a short external command (git, nginx -v, getconf) and returns what it printed. */
final class Shell {
    private Shell() {}

    /** stdout and stderr together, trimmed; empty when the command cannot run. */
    static String output(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroy();
            }
            return new String(out, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    static String firstLine(String... command) {
        String out = output(command);
        int nl = out.indexOf('\n');
        return nl < 0 ? out : out.substring(0, nl);
    }
}
