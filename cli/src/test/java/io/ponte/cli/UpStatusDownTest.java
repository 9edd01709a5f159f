package io.ponte.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ponte.cli.stack.ServiceSpec;
import io.ponte.cli.testing.FakeServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpStatusDownTest {
    @TempDir
    Path root;

    private final ServiceSpec router = FakeServices.healthy("router");
    private TestStack stack;

    @AfterEach
    void stopLeftovers() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void up_starts_the_service_and_down_stops_it_for_good() throws Exception {
        stack = new TestStack(root, List.of(router));
        int port = router.defaultPort();

        TestStack.Result up = stack.ponte("up");

        assertThat(up.exitCode()).as(up.err()).isZero();
        assertThat(up.out())
                .contains("router  ready after")
                .contains("router  http://127.0.0.1:" + port + "/v1  (health /q/health, metrics /q/metrics)");
        Path pidFile = stack.state().pidFile("router");
        assertThat(pidFile).exists();
        long pid = stack.pid("router");
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow();
        assertThat(process.isAlive()).isTrue();
        assertThat(Files.readString(stack.state().logFile("router"))).contains("fake: listening on " + port);

        TestStack.Result status = stack.ponte("status");
        assertThat(status.out())
                .containsPattern(
                        "router\\s+running\\s+" + pid + "\\s+" + port + "\\s+UP\\s+http://127.0.0.1:" + port + "/v1");

        TestStack.Result down = stack.ponte("down");

        assertThat(down.exitCode()).isZero();
        assertThat(down.out()).contains("router  stopped (pid " + pid + ")");
        assertThat(pidFile).doesNotExist();
        assertThat(stack.state().runFile("router")).doesNotExist();
        TestStack.assertGone(pid);
        assertThat(process.isAlive()).isFalse();
        assertThat(stack.ponte("status").out()).containsPattern("router\\s+stopped\\s+-\\s+" + port);
    }

    @Test
    void up_and_down_twice_are_harmless() {
        stack = new TestStack(root, List.of(router));
        assertThat(stack.ponte("up").exitCode()).isZero();
        long pid = stack.pid("router");

        TestStack.Result again = stack.ponte("up");

        assertThat(again.exitCode()).isZero();
        assertThat(again.out())
                .contains("router  already running (pid " + pid + ", port " + router.defaultPort() + ")")
                .contains("Nothing to start.");
        assertThat(stack.pid("router")).isEqualTo(pid);

        assertThat(stack.ponte("down").exitCode()).isZero();
        TestStack.Result downAgain = stack.ponte("down");
        assertThat(downAgain.exitCode()).isZero();
        assertThat(downAgain.out()).contains("router  not running");
    }

    @Test
    void a_pid_file_whose_process_is_gone_is_reported_and_cleaned_up() throws Exception {
        stack = new TestStack(root, List.of(router));
        assertThat(stack.ponte("up").exitCode()).isZero();
        ProcessHandle process = ProcessHandle.of(stack.pid("router")).orElseThrow();
        process.destroyForcibly();
        process.onExit().get(5, TimeUnit.SECONDS);

        assertThat(stack.ponte("status").out())
                .containsPattern("router\\s+stopped\\*")
                .contains("pid file");
        TestStack.Result down = stack.ponte("down");

        assertThat(down.out()).contains("router  was not running (removed its stale pid file)");
        assertThat(stack.state().pidFile("router")).doesNotExist();
    }

    @Test
    void only_the_named_services_start_and_stop() {
        ServiceSpec other = FakeServices.healthy("other");
        stack = new TestStack(root, List.of(router, other));

        assertThat(stack.ponte("up", "other").exitCode()).isZero();

        assertThat(stack.state().pidFile("other")).exists();
        assertThat(stack.state().pidFile("router")).doesNotExist();
        assertThat(stack.ponte("down", "router").out()).contains("router  not running");
        assertThat(stack.state().pidFile("other")).exists();
    }

    @Test
    void the_port_comes_from_the_option_then_the_environment_then_the_default() {
        int fromEnv = FakeServices.freePort();
        int fromOption = FakeServices.freePort();
        stack = new TestStack(root, List.of(router), Map.of(router.portVariable(), Integer.toString(fromEnv)));

        assertThat(stack.ponte("up").out()).contains("http://127.0.0.1:" + fromEnv + "/v1");
        stack.ponte("down");
        assertThat(stack.ponte("up", "--port-router=" + fromOption).out())
                .contains("http://127.0.0.1:" + fromOption + "/v1");
    }

    @Test
    void a_config_file_in_the_state_dir_is_passed_as_quarkus_config_locations() throws Exception {
        stack = new TestStack(root, List.of(router));
        Path config = stack.state().configFile("router");
        Files.createDirectories(config.getParent());
        Files.writeString(config, "ponte.router.example=1\n");

        assertThat(stack.ponte("up").exitCode()).isZero();

        assertThat(Files.readString(stack.state().logFile("router"))).contains("fake: config " + config);
    }

    @Test
    void the_state_dir_can_be_moved_with_the_option_or_PONTE_HOME() {
        Path elsewhere = root.resolve("elsewhere");
        stack = new TestStack(root, List.of(router), Map.of("PONTE_HOME", elsewhere.toString()));

        assertThat(stack.ponte("up").exitCode()).isZero();
        assertThat(elsewhere.resolve("run/router.pid")).exists();
        assertThat(stack.ponte("down").exitCode()).isZero();

        Path option = root.resolve("option");
        assertThat(stack.ponte("up", "--state-dir", option.toString()).exitCode())
                .isZero();
        assertThat(option.resolve("run/router.pid")).exists();
        assertThat(stack.ponte("--state-dir", option.toString(), "down").out()).contains("router  stopped");
        assertThat(option.resolve("run/router.pid")).doesNotExist();
    }
}
