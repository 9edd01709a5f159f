package io.ponte.cli.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogTailTest {
    @TempDir
    Path dir;

    @Test
    void last_lines_come_from_the_end_with_or_without_a_final_line_break() throws Exception {
        Path log = write("one\ntwo\nthree\n");
        Path unterminated = write("one\ntwo\nthree");

        assertThat(LogTail.lastLines(log, 2)).containsExactly("two", "three");
        assertThat(LogTail.lastLines(unterminated, 2)).containsExactly("two", "three");
        assertThat(LogTail.lastLines(log, 10)).containsExactly("one", "two", "three");
        assertThat(LogTail.lastLines(log, 0)).isEmpty();
        assertThat(LogTail.lastLines(write(""), 3)).isEmpty();
    }

    @Test
    void last_lines_span_more_than_one_read_chunk() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 5_000; i++) {
            text.append("line ").append(i).append(" ").append("x".repeat(20)).append('\n');
        }
        Path log = write(text.toString());

        assertThat(LogTail.lastLines(log, 1_000)).hasSize(1_000).startsWith("line 4000 " + "x".repeat(20));
    }

    @Test
    void follow_prints_complete_lines_as_they_are_appended_and_starts_over_on_a_new_file() throws Exception {
        Path log = write("old\n");
        StringWriter printed = new StringWriter();
        AtomicBoolean keepGoing = new AtomicBoolean(true);
        long end = Files.size(log);
        CompletableFuture<Void> follower = CompletableFuture.runAsync(() -> {
            try {
                LogTail.follow(log, end, new PrintWriter(printed), keepGoing::get, Duration.ofMillis(20));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            Files.writeString(log, "new\npart", StandardOpenOption.APPEND);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> printed.toString().equals("new\n"));

            Path rotated = write("fresh\n");
            Files.move(rotated, log, StandardCopyOption.REPLACE_EXISTING);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> printed.toString().equals("new\nfresh\n"));
        } finally {
            keepGoing.set(false);
            follower.get(10, TimeUnit.SECONDS);
        }
    }

    private int files;

    private Path write(String text) throws Exception {
        return Files.writeString(dir.resolve("log-" + files++), text);
    }
}
