package io.ponte.cli.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ponte.cli.testing.FakeServices;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessesTest {
    @TempDir
    Path root;

    @Test
    void a_zombie_does_not_count_as_running() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc")), "needs /proc");
        // the shell's child exits shortly after the shell has become a sleep that never reaps it
        Process parent = new ProcessBuilder("sh", "-c", "sleep 0.3 & echo $!; exec sleep 30").start();
        try {
            long zombiePid = Long.parseLong(new BufferedReader(new InputStreamReader(parent.getInputStream()))
                    .readLine()
                    .strip());
            ProcessHandle zombie = ProcessHandle.of(zombiePid).orElseThrow();

            assertThat(Processes.awaitExit(zombie, Duration.ofSeconds(10))).isTrue();
            assertThat(zombie.isAlive()).as("what the JDK says of a zombie").isTrue();
            assertThat(Processes.isRunning(parent.toHandle())).isTrue();
        } finally {
            parent.destroyForcibly();
        }
    }

    @Test
    void a_service_that_ignores_sigterm_is_killed_after_the_grace() throws Exception {
        ServiceSpec stubborn = FakeServices.withProperties("stubborn", Map.of("fake.ignore-term", "true"));
        StateDir state = new StateDir(root.resolve(".ponte"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessSupervisor supervisor = new ProcessSupervisor(root, state, java, Duration.ofMillis(500));
        Process process = supervisor.start(stubborn, stubborn.defaultPort());
        HealthWaiter waiter = new HealthWaiter(new HealthProbe(Duration.ofSeconds(1)));
        assertThat(waiter.await(process.toHandle(), stubborn.defaultPort(), "/q/health/ready", Duration.ofSeconds(60)))
                .isEqualTo(HealthWaiter.Outcome.READY);

        assertThat(supervisor.stop(stubborn)).isEqualTo(ProcessSupervisor.Stopped.KILLED);

        assertThat(process.waitFor()).isEqualTo(137);
        assertThat(state.pidFile("stubborn")).doesNotExist();
        assertThat(Files.readString(state.logFile("stubborn"))).contains("fake: stopping");
        assertThat(List.of(supervisor.stop(stubborn))).containsExactly(ProcessSupervisor.Stopped.NOT_STARTED);
    }
}
