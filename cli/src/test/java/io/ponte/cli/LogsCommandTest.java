package io.ponte.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ponte.cli.testing.FakeServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogsCommandTest {
    @TempDir
    Path root;

    @Test
    void prints_the_last_n_lines_of_the_log() throws Exception {
        TestStack stack = new TestStack(root, List.of(FakeServices.healthy("svc")));
        writeLog(stack, "one\ntwo\nthree\nfour\n");

        TestStack.Result logs = stack.ponte("logs", "svc", "-n", "2");

        assertThat(logs.exitCode()).isZero();
        assertThat(logs.out()).isEqualTo("three\nfour\n".replace("\n", System.lineSeparator()));
    }

    @Test
    void prints_the_whole_log_without_n() throws Exception {
        TestStack stack = new TestStack(root, List.of(FakeServices.healthy("svc")));
        writeLog(stack, "one\ntwo\n");

        assertThat(stack.ponte("logs", "svc").out()).isEqualTo("one\ntwo\n");
    }

    @Test
    void prints_the_log_of_a_service_that_ran() {
        TestStack stack = new TestStack(root, List.of(FakeServices.healthy("svc")));
        try (stack) {
            assertThat(stack.ponte("up").exitCode()).isZero();

            assertThat(stack.ponte("logs", "svc", "--lines=5").out()).contains("fake: listening on");
        }
    }

    @Test
    void a_service_without_a_log_yet_is_an_error_that_says_so() {
        TestStack stack = new TestStack(root, List.of(FakeServices.healthy("svc")));

        TestStack.Result logs = stack.ponte("logs", "svc");

        assertThat(logs.exitCode()).isEqualTo(1);
        assertThat(logs.err()).contains("no log for svc yet");
    }

    @Test
    void an_unknown_service_is_a_usage_error() {
        TestStack stack = new TestStack(root, List.of(FakeServices.healthy("svc")));

        assertThat(stack.ponte("logs", "nope").exitCode()).isEqualTo(2);
    }

    private static void writeLog(TestStack stack, String text) throws Exception {
        Path log = stack.state().logFile("svc");
        Files.createDirectories(log.getParent());
        Files.writeString(log, text);
    }
}
