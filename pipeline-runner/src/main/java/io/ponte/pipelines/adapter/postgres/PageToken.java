package io.ponte.pipelines.adapter.postgres;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Where the previous page ended: the creation time (microseconds since the epoch, PostgreSQL's
 * precision) and id of its last run. Encoded opaquely as base64url of {@code v1:<micros>:<id>};
 * anything else is refused.
 */
record PageToken(Instant createdAt, String id) {

    private static final String VERSION = "v1:";

    String encode() {
        long micros = createdAt.getEpochSecond() * 1_000_000L + createdAt.getNano() / 1_000;
        String raw = VERSION + micros + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static PageToken decode(String token) {
        String raw;
        try {
            raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw refused();
        }
        if (!raw.startsWith(VERSION)) {
            throw refused();
        }
        String rest = raw.substring(VERSION.length());
        int colon = rest.indexOf(':');
        if (colon <= 0 || colon == rest.length() - 1) {
            throw refused();
        }
        long micros;
        try {
            micros = Long.parseLong(rest.substring(0, colon));
        } catch (NumberFormatException e) {
            throw refused();
        }
        Instant createdAt =
                Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000);
        return new PageToken(createdAt, rest.substring(colon + 1));
    }

    private static IllegalArgumentException refused() {
        return new IllegalArgumentException("page_token is not one this service issued");
    }
}
