package io.ponte.router.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Finds the {@code usage} object in an OpenAI response body or stream event. A cheap byte scan
 * runs first so that the many chunks without usage are never parsed.
 */
public final class UsageExtractor {

    private static final byte[] USAGE_KEY = "\"usage\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DATA_PREFIX = "data:".getBytes(StandardCharsets.US_ASCII);

    private final ObjectMapper mapper;

    public UsageExtractor(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Usage of a complete JSON response body. */
    public Optional<Usage> fromBody(byte[] body) {
        if (indexOf(body, 0, body.length, USAGE_KEY) < 0) {
            return Optional.empty();
        }
        return parse(body, 0, body.length).map(UsageExtractor::usageOf).flatMap(u -> u);
    }

    /**
     * The usage chunk of a stream: an event whose data is a JSON object with a non-null {@code usage}
     * and no choices (the shape OpenAI sends when {@code include_usage} is set).
     */
    public Optional<UsageChunk> fromEvent(byte[] event) {
        return fromEvent(event, 0, event.length);
    }

    /** {@link #fromEvent(byte[])} on {@code length} bytes of {@code buf} from {@code offset}. */
    public Optional<UsageChunk> fromEvent(byte[] buf, int offset, int length) {
        int end = offset + length;
        // OpenAI-compatible servers put "usage" after "choices", near the end: search backwards.
        int key = lastIndexOf(buf, offset, end, USAGE_KEY);
        if (key < 0 || !objectFollows(buf, key + USAGE_KEY.length, end)) {
            return Optional.empty();
        }
        int data = indexOf(buf, offset, end, DATA_PREFIX);
        if (data < 0) {
            return Optional.empty();
        }
        int start = data + DATA_PREFIX.length;
        Optional<JsonNode> node = parse(buf, start, end - start);
        if (node.isEmpty()) {
            return Optional.empty();
        }
        Optional<Usage> usage = usageOf(node.get());
        if (usage.isEmpty()) {
            return Optional.empty();
        }
        JsonNode choices = node.get().get("choices");
        boolean usageOnly = choices == null || (choices.isArray() && choices.isEmpty());
        return Optional.of(new UsageChunk(usage.get(), usageOnly));
    }

    /**
     * @param usage the tokens it reports
     * @param usageOnly whether the event carries nothing else (the chunk a client that did not ask for usage must not see)
     */
    public record UsageChunk(Usage usage, boolean usageOnly) {}

    private Optional<JsonNode> parse(byte[] bytes, int offset, int length) {
        try {
            return Optional.ofNullable(mapper.readTree(bytes, offset, length));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<Usage> usageOf(JsonNode root) {
        JsonNode usage = root.get("usage");
        if (usage == null || !usage.isObject()) {
            return Optional.empty();
        }
        return Optional.of(new Usage(
                usage.path("prompt_tokens").asLong(0),
                usage.path("completion_tokens").asLong(0)));
    }

    /** Whether {@code ": {"} (any spacing) follows position {@code i}: a usage object, not {@code null}. */
    private static boolean objectFollows(byte[] b, int i, int end) {
        while (i < end && (b[i] == ' ' || b[i] == ':' || b[i] == '\t')) {
            i++;
        }
        return i < end && b[i] == '{';
    }

    static int lastIndexOf(byte[] haystack, int from, int to, byte[] needle) {
        outer:
        for (int i = to - needle.length; i >= from; i--) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static int indexOf(byte[] haystack, int from, int to, byte[] needle) {
        outer:
        for (int i = from; i <= to - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
