package io.ponte.offload.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Request bodies shaped like what interLink's API server sends, with a fresh pod uid each time. */
public final class WireFixtures {
    private WireFixtures() {}

    public static String uid() {
        return UUID.randomUUID().toString();
    }

    /** A resource under {@code wire/} with {@code @UID@} replaced. */
    public static String load(String name, String uid) {
        try (InputStream in = WireFixtures.class.getResourceAsStream("/wire/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("@UID@", uid);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The metadata-only pod interLink puts into status and delete bodies. */
    public static String podRef(String uid, String name) {
        return "{\"metadata\":{\"name\":\"" + name + "\",\"namespace\":\"interlink\",\"uid\":\"" + uid + "\"}}";
    }
}
