package io.ponte.offload.core;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/** Reads the small files the job script writes: times (epoch seconds) and exit codes. */
final class EpochFiles {
    private EpochFiles() {}

    static Optional<Instant> time(Path file) {
        return text(file).flatMap(EpochFiles::parseTime);
    }

    static Optional<Integer> integer(Path file) {
        return text(file).flatMap(s -> {
            try {
                return Optional.of(Integer.parseInt(s));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    static Optional<String> text(Path file) {
        try {
            String s = Files.readString(file, StandardCharsets.UTF_8).trim();
            return s.isEmpty() ? Optional.empty() : Optional.of(s);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Epoch seconds with an optional fraction ({@code .} or {@code ,}), as {@code now} in the job script writes them. */
    static Optional<Instant> parseTime(String s) {
        try {
            BigDecimal seconds = new BigDecimal(s.trim().replace(',', '.'));
            long whole = seconds.longValue();
            long nanos = seconds.subtract(BigDecimal.valueOf(whole))
                    .movePointRight(9)
                    .longValue();
            return Optional.of(Instant.ofEpochSecond(whole, nanos));
        } catch (NumberFormatException | ArithmeticException e) {
            return Optional.empty();
        }
    }
}
