package io.ponte.bench.router;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import org.HdrHistogram.Histogram;

/**
 * Reads one chat stream's server-sent events as they arrive and times them: time to the first
 * content chunk, and the gap between consecutive content chunks (two chunks in one read give a gap
 * of 0). Checks that the stream ends with a usage chunk and {@code [DONE]}.
 */
final class SseReader {
    private final long startNanos;
    private final Histogram ttft;
    private final Histogram gaps;
    private String pending = "";
    private long lastChunkNanos = -1;
    private int chunks;
    private boolean usage;
    private boolean done;
    private String error;

    SseReader(long startNanos, Histogram ttft, Histogram gaps) {
        this.startNanos = startNanos;
        this.ttft = ttft;
        this.gaps = gaps;
    }

    void onBuffer(Buffer buffer, long now) {
        String text = buffer.toString(StandardCharsets.UTF_8);
        if (!pending.isEmpty()) {
            text = pending + text;
        }
        if (text.indexOf('\r') >= 0) {
            text = text.replace("\r\n", "\n");
        }
        int from = 0;
        int end;
        while ((end = text.indexOf("\n\n", from)) >= 0) {
            onEvent(text.substring(from, end), now);
            from = end + 2;
        }
        pending = text.substring(from);
    }

    private void onEvent(String event, long now) {
        String payload = payload(event);
        if (payload.isEmpty()) {
            return;
        }
        if (payload.equals("[DONE]")) {
            done = true;
        } else if (payload.contains("\"delta\"")) {
            if (lastChunkNanos < 0) {
                ttft.recordValue(now - startNanos);
            } else {
                gaps.recordValue(now - lastChunkNanos);
            }
            lastChunkNanos = now;
            chunks++;
        } else {
            JsonObject json = new JsonObject(payload);
            usage |= json.getJsonObject("usage") != null;
            if (json.containsKey("error")) {
                error = json.getValue("error").toString();
            }
        }
    }

    /** The event's data, its "data:" lines joined; comments and other fields are dropped. */
    private static String payload(String event) {
        if (event.startsWith("data: ") && event.indexOf('\n') < 0) {
            return event.substring(6);
        }
        StringBuilder data = new StringBuilder();
        for (String line : event.split("\n")) {
            if (line.startsWith("data:")) {
                data.append(line.startsWith("data: ") ? line.substring(6) : line.substring(5));
            }
        }
        return data.toString();
    }

    /** Why the stream is incomplete, or null when it carried every chunk, usage and [DONE]. */
    String problem(int expectedChunks) {
        if (error != null) {
            return "error event " + error;
        }
        if (chunks != expectedChunks) {
            return chunks + " of " + expectedChunks + " chunks";
        }
        if (!usage) {
            return "no usage chunk";
        }
        return done ? null : "no [DONE]";
    }
}
