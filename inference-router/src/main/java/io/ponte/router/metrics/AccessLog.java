package io.ponte.router.metrics;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import org.jboss.logging.Logger;

/** One structured (JSON) line per request on the logger {@code ponte.access}. */
public final class AccessLog {

    private static final Logger LOG = Logger.getLogger("ponte.access");

    /** Everything one line says. */
    public record Entry(
            String requestId,
            String apiKey,
            String endpoint,
            String model,
            String backend,
            int status,
            String outcome,
            int attempts,
            boolean stream,
            long durationMicros,
            long ttftMicros,
            long overheadMicros,
            long promptTokens,
            long completionTokens) {}

    private AccessLog() {}

    public static boolean enabled() {
        return LOG.isInfoEnabled();
    }

    public static void write(Entry e) {
        StringBuilder b = new StringBuilder(320);
        b.append("{\"request_id\":");
        quote(b, e.requestId());
        b.append(",\"api_key\":");
        quote(b, e.apiKey());
        b.append(",\"endpoint\":");
        quote(b, e.endpoint());
        b.append(",\"model\":");
        quote(b, e.model());
        b.append(",\"backend\":");
        quote(b, e.backend());
        b.append(",\"status\":").append(e.status());
        b.append(",\"outcome\":");
        quote(b, e.outcome());
        b.append(",\"attempts\":").append(e.attempts());
        b.append(",\"stream\":").append(e.stream());
        b.append(",\"duration_us\":").append(e.durationMicros());
        b.append(",\"ttft_us\":").append(e.ttftMicros());
        b.append(",\"overhead_us\":").append(e.overheadMicros());
        b.append(",\"prompt_tokens\":").append(e.promptTokens());
        b.append(",\"completion_tokens\":").append(e.completionTokens());
        b.append('}');
        LOG.info(b);
    }

    private static void quote(StringBuilder b, String s) {
        if (s == null) {
            b.append("null");
            return;
        }
        b.append('"');
        JsonStringEncoder.getInstance().quoteAsString(s, b);
        b.append('"');
    }
}
