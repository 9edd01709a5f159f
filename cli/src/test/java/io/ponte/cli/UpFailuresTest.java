package io.ponte.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ponte.cli.stack.PortCheck;
import io.ponte.cli.stack.ServiceSpec;
import io.ponte.cli.testing.FakeServices;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpFailuresTest {
    @TempDir
    Path root;

    private TestStack stack;

    @AfterEach
    void stopLeftovers() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void a_taken_port_names_port_and_service_and_nothing_starts() throws IOException {
        ServiceSpec first = FakeServices.healthy("first");
        ServiceSpec second = FakeServices.healthy("second");
        stack = new TestStack(root, List.of(first, second));
        try (ServerSocket squatter = new ServerSocket()) {
            squatter.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), second.defaultPort()));

            TestStack.Result up = stack.ponte("up");

            assertThat(up.exitCode()).isEqualTo(1);
            assertThat(up.err())
                    .contains("port " + second.defaultPort() + " for second is already in use")
                    .contains("--port-second=PORT or PONTE_SECOND_PORT=PORT")
                    .contains("nothing was started");
        }
        assertThat(stack.state().pidFile("first")).doesNotExist();
        assertThat(stack.state().logFile("first")).doesNotExist();
        assertThat(PortCheck.isFree(first.defaultPort())).isTrue();
    }

    @Test
    void two_services_on_one_port_is_refused_before_anything_starts() {
        ServiceSpec first = FakeServices.healthy("first");
        ServiceSpec second = FakeServices.healthy("second");
        stack = new TestStack(root, List.of(first, second));

        TestStack.Result up = stack.ponte("up", "--port-second=" + first.defaultPort());

        assertThat(up.exitCode()).isEqualTo(1);
        assertThat(up.err()).contains("port " + first.defaultPort() + " is given to both first and second");
        assertThat(stack.state().pidFile("first")).doesNotExist();
    }

    @Test
    void a_service_that_never_gets_ready_fails_naming_its_log_and_is_stopped() throws Exception {
        ServiceSpec stuck = FakeServices.withProperties("stuck", Map.of("fake.unready", "true"));
        stack = new TestStack(root, List.of(stuck));

        TestStack.Result up = stack.ponte("up", "--timeout=1");

        Path log = stack.state().logFile("stuck");
        assertThat(up.exitCode()).isEqualTo(1);
        assertThat(up.err())
                .contains("stuck did not become ready on http://127.0.0.1:" + stuck.defaultPort() + "/q/health/ready")
                .contains("within 1 s")
                .contains("its log is " + log)
                .contains("| fake: listening on");
        assertThat(stack.state().pidFile("stuck")).doesNotExist();
        TestStack.assertGone(pidInLog(log));
    }

    @Test
    void a_service_that_exits_during_start_up_fails_at_once_with_its_exit_code() throws Exception {
        ServiceSpec crashing = FakeServices.withProperties("crashing", Map.of("fake.crash", "true"));
        stack = new TestStack(root, List.of(crashing));
        long begin = System.nanoTime();

        TestStack.Result up = stack.ponte("up", "--timeout=120");

        assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(60));
        assertThat(up.exitCode()).isEqualTo(1);
        assertThat(up.err())
                .contains("crashing exited during start-up (exit code 3)")
                .contains("its log is " + stack.state().logFile("crashing"))
                .contains("| fake: crashing on purpose");
        assertThat(stack.state().pidFile("crashing")).doesNotExist();
    }

    @Test
    void when_a_later_service_fails_the_ones_started_before_it_are_stopped() throws Exception {
        ServiceSpec healthy = FakeServices.healthy("healthy");
        ServiceSpec crashing = FakeServices.withProperties("crashing", Map.of("fake.crash", "true"));
        stack = new TestStack(root, List.of(healthy, crashing));

        TestStack.Result up = stack.ponte("up");

        assertThat(up.exitCode()).isEqualTo(1);
        assertThat(up.out()).contains("healthy  ready after");
        assertThat(stack.state().pidFile("healthy")).doesNotExist();
        TestStack.assertGone(pidInLog(stack.state().logFile("healthy")));
        assertThat(PortCheck.isFree(healthy.defaultPort())).isTrue();
    }

    @Test
    void an_unknown_service_is_a_usage_error() {
        stack = new TestStack(root, List.of(FakeServices.healthy("known")));

        TestStack.Result up = stack.ponte("up", "unknown");

        assertThat(up.exitCode()).isEqualTo(2);
        assertThat(up.err()).contains("unknown service 'unknown'; the stack has: known");
    }

    @Test
    void a_port_that_is_not_a_number_is_a_usage_error() {
        ServiceSpec service = FakeServices.healthy("svc");
        stack = new TestStack(root, List.of(service), Map.of(service.portVariable(), "eighty"));

        TestStack.Result up = stack.ponte("up");

        assertThat(up.exitCode()).isEqualTo(2);
        assertThat(up.err())
                .contains("PONTE_SVC_PORT (port of svc) must be a TCP port between 1 and 65535, not 'eighty'");
    }

    /** The pid the fake service wrote in its log; the pid file is gone by the time we look. */
    private static long pidInLog(Path log) throws IOException {
        Matcher matcher = Pattern.compile("fake: pid (\\d+)").matcher(Files.readString(log));
        assertThat(matcher.find()).as("pid line in " + log).isTrue();
        return Long.parseLong(matcher.group(1));
    }
}
