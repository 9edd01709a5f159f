package io.ponte.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.ponte.cli.stack.StateDir;
import io.ponte.cli.testing.FakeServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ponte up --foreground} in a JVM of its own, stopped the way a terminal or a supervisor would. */
class ForegroundTest {
    @TempDir
    Path root;

    @Test
    void sigterm_stops_the_services_it_started_and_removes_their_pid_files() throws Exception {
        int port = FakeServices.freePort();
        Path output = root.resolve("ponte.out");
        Process ponte = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        FakeStackMain.class.getName(),
                        root.toString(),
                        Integer.toString(port),
                        "up",
                        "--foreground"))
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        StateDir state = new StateDir(root.resolve(".ponte"));
        try {
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> Files.readString(output).contains("Staying attached"));
            long servicePid =
                    Long.parseLong(Files.readString(state.pidFile("fake")).strip());

            ponte.destroy(); // SIGTERM

            assertThat(ponte.waitFor(30, TimeUnit.SECONDS)).isTrue();
            TestStack.assertGone(servicePid);
            assertThat(state.pidFile("fake")).doesNotExist();
            assertThat(Files.readString(output)).contains("Stopped fake.");
        } finally {
            ponte.destroyForcibly();
        }
    }
}
