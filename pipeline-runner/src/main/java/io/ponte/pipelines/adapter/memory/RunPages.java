package io.ponte.pipelines.adapter.memory;

import io.ponte.pipelines.spi.Page;
import io.ponte.pipelines.spi.RunQuery;
import io.ponte.pipelines.spi.RunRecord;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Lists runs newest first (ties by id, descending) in pages whose token names the last run of the
 * previous page, so a token stays valid when newer runs arrive.
 */
final class RunPages {

    private static final Comparator<RunRecord> NEWEST_FIRST = Comparator.comparing(RunRecord::createdAt)
            .thenComparing(RunRecord::id)
            .reversed();

    private RunPages() {}

    static Page<RunRecord> page(Collection<RunRecord> runs, RunQuery q) {
        List<RunRecord> all = runs.stream()
                .filter(r -> q.state().map(s -> s == r.state()).orElse(true))
                .filter(r ->
                        q.pipelineName().map(n -> n.equals(r.pipelineName())).orElse(true))
                .filter(r -> q.nameContains()
                        .map(n -> r.displayName().toLowerCase(Locale.ROOT).contains(n.toLowerCase(Locale.ROOT)))
                        .orElse(true))
                .filter(r -> q.createdAfter().map(t -> r.createdAt().isAfter(t)).orElse(true))
                .sorted(NEWEST_FIRST)
                .toList();
        Optional<RunRecord> after = q.pageToken().map(RunPages::decode);
        List<RunRecord> rest = after.isEmpty()
                ? all
                : all.stream()
                        .filter(r -> NEWEST_FIRST.compare(r, after.get()) > 0)
                        .toList();
        int size = Math.max(1, Math.min(1000, q.pageSize()));
        List<RunRecord> items = List.copyOf(rest.subList(0, Math.min(size, rest.size())));
        Optional<String> next =
                rest.size() > size ? Optional.of(encode(items.get(items.size() - 1))) : Optional.empty();
        return new Page<>(items, next, all.size());
    }

    private static String encode(RunRecord last) {
        String key = last.createdAt().toEpochMilli() + ":" + last.createdAt().getNano() + ":" + last.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    /** A stand-in record carrying only the sort key of the token. */
    private static RunRecord decode(String token) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split(":", 3);
            Instant at =
                    Instant.ofEpochMilli(Long.parseLong(parts[0])).plusNanos(Integer.parseInt(parts[1]) % 1_000_000);
            return new RunRecord(
                    parts[2],
                    "",
                    "",
                    "",
                    java.util.Map.of(),
                    "",
                    true,
                    null,
                    Optional.empty(),
                    at,
                    Optional.empty(),
                    0);
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("not a page token of this store: " + token);
        }
    }
}
