package io.ponte.bench.router;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The JSON bodies the fast upstream sends and the harness posts. */
final class ChatPayloads {
    static final int PROMPT_TOKENS = 9;

    private ChatPayloads() {}

    /** A small chat request; {@code stream} adds {@code stream_options.include_usage}. */
    static Buffer request(String model, boolean stream, int maxTokens) {
        var json = new JsonObject()
                .put("model", model)
                .put(
                        "messages",
                        new JsonArray().add(new JsonObject().put("role", "user").put("content", "ping")))
                .put("max_tokens", maxTokens);
        if (stream) {
            json.put("stream", true).put("stream_options", new JsonObject().put("include_usage", true));
        }
        return json.toBuffer();
    }

    static Buffer completion(String model) {
        return Buffer.buffer("{\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion\",\"created\":1700000000,"
                + "\"model\":\"" + model + "\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
                + "\"content\":\"pong\"},\"finish_reason\":\"stop\"}],"
                + "\"usage\":{\"prompt_tokens\":" + PROMPT_TOKENS + ",\"completion_tokens\":1,\"total_tokens\":"
                + (PROMPT_TOKENS + 1) + "}}");
    }

    /** One SSE event carrying token {@code index} of {@code total}. */
    static Buffer chunk(String model, int index, int total, boolean usageNull) {
        String delta = index == 0 ? "{\"role\":\"assistant\",\"content\":\"t0\"}" : "{\"content\":\" t" + index + "\"}";
        String finish = index == total - 1 ? "\"stop\"" : "null";
        return event("{\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
                + "\"model\":\"" + model + "\",\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":"
                + finish + "}]" + (usageNull ? ",\"usage\":null" : "") + "}");
    }

    static Buffer usageChunk(String model, int completionTokens) {
        return event("{\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
                + "\"model\":\"" + model + "\",\"choices\":[],\"usage\":{\"prompt_tokens\":" + PROMPT_TOKENS
                + ",\"completion_tokens\":" + completionTokens + ",\"total_tokens\":"
                + (PROMPT_TOKENS + completionTokens) + "}}");
    }

    static Buffer done() {
        return Buffer.buffer("data: [DONE]\n\n");
    }

    static Buffer error(String message) {
        return new JsonObject()
                .put(
                        "error",
                        new JsonObject()
                                .put("message", message)
                                .put("type", "invalid_request_error")
                                .putNull("param")
                                .putNull("code"))
                .toBuffer();
    }

    private static Buffer event(String json) {
        return Buffer.buffer("data: " + json + "\n\n");
    }
}
