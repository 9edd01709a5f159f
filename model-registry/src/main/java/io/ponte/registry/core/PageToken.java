package io.ponte.registry.core;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where the previous page stopped: the sort value and id of its last entity (keyset paging, so pages stay
 * correct while rows are inserted), and a fingerprint of the query it belongs to, so that a token is never
 * applied to a different list by mistake. Opaque to clients.
 */
public record PageToken(PageRequest.OrderBy orderBy, boolean descending, long lastValue, long lastId, int query) {

    private static final String VERSION = "p1";

    public String encode() {
        String raw = String.join(
                ":",
                VERSION,
                orderBy.name(),
                descending ? "d" : "a",
                Long.toString(lastValue),
                Long.toString(lastId),
                Integer.toHexString(query));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
    }

    /** Reads a token that {@link #encode()} wrote; anything else is a clear 400. */
    public static PageToken decode(String token) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.US_ASCII);
            String[] p = raw.split(":");
            if (p.length != 6 || !VERSION.equals(p[0])) {
                throw new IllegalArgumentException(raw);
            }
            return new PageToken(
                    PageRequest.OrderBy.valueOf(p[1]),
                    "d".equals(p[2]),
                    Long.parseLong(p[3]),
                    Long.parseLong(p[4]),
                    Integer.parseUnsignedInt(p[5], 16));
        } catch (IllegalArgumentException e) {
            throw RegistryException.invalid(
                    "nextPageToken",
                    "nextPageToken is not a token this registry issued; pass the value a list returned");
        }
    }
}
