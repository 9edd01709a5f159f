package io.ponte.pipelines.spi;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where a page of a run's tasks ended, as a store counts it (a position in creation order, a
 * sequence number), wrapped into an opaque page token for {@link RunStore#taskPage}. A token the
 * store did not issue is refused with an {@link IllegalArgumentException}.
 */
public final class TaskPosition {

    private static final String VERSION = "t1:";

    private TaskPosition() {}

    public static String encode(long position) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((VERSION + position).getBytes(StandardCharsets.UTF_8));
    }

    public static long decode(String token) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (raw.startsWith(VERSION)) {
                long position = Long.parseLong(raw.substring(VERSION.length()));
                if (position >= 0) {
                    return position;
                }
            }
        } catch (IllegalArgumentException e) {
            // refused below (NumberFormatException is one too)
        }
        throw new IllegalArgumentException("task_page_token is not one this service issued");
    }
}
