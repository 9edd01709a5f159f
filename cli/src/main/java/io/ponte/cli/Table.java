package io.ponte.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Columns padded to their widest cell, two spaces apart; no padding after the last one. */
final class Table {
    private final List<String[]> rows = new ArrayList<>();

    /** A table whose first row is {@code headers}; none for a table of label/value lines. */
    Table(String... headers) {
        if (headers.length > 0) {
            rows.add(headers);
        }
    }

    Table row(String... cells) {
        rows.add(cells);
        return this;
    }

    void print(PrintWriter out) {
        int columns = rows.stream().mapToInt(r -> r.length).max().orElse(0);
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(i == 0 ? "" : "  ").append(row[i]);
                if (i < row.length - 1) {
                    line.append(" ".repeat(widths[i] - row[i].length()));
                }
            }
            out.println(line.toString().stripTrailing());
        }
    }

    /** {@code 2023-11-14T22:13:20Z} for the registry's milliseconds since the epoch; {@code -} when absent. */
    static String time(Optional<String> epochMillis) {
        return epochMillis
                .map(ms -> {
                    try {
                        return Instant.ofEpochMilli(Long.parseLong(ms))
                                .truncatedTo(ChronoUnit.SECONDS)
                                .toString();
                    } catch (NumberFormatException e) {
                        return ms;
                    }
                })
                .orElse("-");
    }
}
