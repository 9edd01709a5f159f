package io.ponte.router.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;

/** Writes one answer of the fake upstream, faults included. */
final class Answer {

    static final int PROMPT_TOKENS = 7;

    private final Recorded request;
    private final Behaviour b;
    private final OutputStream out;
    private final Socket socket;
    private final ObjectMapper json;
    private final Set<String> models;
    private final int readyStatus;

    Answer(
            Recorded request,
            Behaviour b,
            OutputStream out,
            Socket socket,
            ObjectMapper json,
            Set<String> models,
            int readyStatus) {
        this.request = request;
        this.b = b;
        this.out = out;
        this.socket = socket;
        this.json = json;
        this.models = models;
        this.readyStatus = readyStatus;
    }

    void write() throws IOException, InterruptedException {
        if ("GET".equals(request.method)) {
            probe();
            return;
        }
        FakeOpenAiUpstream.sleep(b.headersDelay());
        switch (b.fault()) {
            case CLOSE_BEFORE_HEADERS -> {
                FakeOpenAiUpstream.quietClose(socket);
                return;
            }
            case STALL_BEFORE_HEADERS -> {
                Thread.sleep(Duration.ofMinutes(5).toMillis());
                return;
            }
            case STATUS -> {
                error();
                return;
            }
            default -> {}
        }
        JsonNode body = FakeOpenAiUpstream.parse(request.body);
        if (request.path.startsWith("/v2/")) {
            whole(200, v2Infer(body));
        } else if (body.path("stream").asBoolean(false)) {
            stream(body);
        } else if (request.path.endsWith("/embeddings")) {
            whole(200, embeddings(body));
        } else {
            whole(200, completion(body));
        }
    }

    private void probe() throws IOException, InterruptedException {
        if (request.path.endsWith("/models")) {
            ObjectNode list = json.createObjectNode().put("object", "list");
            ArrayNode data = list.putArray("data");
            models.forEach(
                    m -> data.addObject().put("id", m).put("object", "model").put("owned_by", "fake"));
            whole(readyStatus, list.toString().getBytes(StandardCharsets.UTF_8));
        } else if (request.path.startsWith("/v2/models/") && !request.path.endsWith("/ready")) {
            String name = request.path.substring("/v2/models/".length()).split("/")[0];
            whole(
                    200,
                    ("{\"name\":\"" + name + "\",\"platform\":\"fake\",\"inputs\":[],\"outputs\":[]}")
                            .getBytes(StandardCharsets.UTF_8));
        } else {
            whole(readyStatus, "{\"ready\":true}".getBytes(StandardCharsets.UTF_8));
        }
    }

    private void error() throws IOException {
        String extra = b.retryAfter() == null ? "" : "Retry-After: " + b.retryAfter() + "\r\n";
        byte[] body = ("{\"error\":{\"message\":\"fake upstream says " + b.status()
                        + "\",\"type\":\"server_error\",\"param\":null,\"code\":null}}")
                .getBytes(StandardCharsets.UTF_8);
        head(b.status(), "application/json", "Content-Length: " + body.length + "\r\n" + extra);
        out.write(body);
        out.flush();
        request.answered(true);
    }

    private void stream(JsonNode body) throws IOException, InterruptedException {
        boolean usage = body.path("stream_options").path("include_usage").asBoolean(false);
        String model = body.path("model").asText();
        head(200, "text/event-stream; charset=utf-8", "Transfer-Encoding: chunked\r\n");
        if (b.fault() == Fault.EOF_BEFORE_FIRST_CHUNK) {
            FakeOpenAiUpstream.quietClose(socket);
            return;
        }
        if (b.fault() == Fault.STALL_AFTER_HEADERS) {
            Thread.sleep(Duration.ofMinutes(5).toMillis());
            return;
        }
        FakeOpenAiUpstream.sleep(b.firstTokenDelay());
        for (int i = 0; i < b.chunks(); i++) {
            if (i > 0) {
                FakeOpenAiUpstream.sleep(b.gap());
            }
            event(chunk(model, i, usage));
            if (i == 0 && b.fault() == Fault.EOF_AFTER_FIRST_CHUNK) {
                FakeOpenAiUpstream.quietClose(socket);
                return;
            }
            if (i == 0 && b.fault() == Fault.STALL_AFTER_FIRST_CHUNK) {
                Thread.sleep(Duration.ofMinutes(5).toMillis());
                return;
            }
        }
        if (usage) {
            ObjectNode last = chunkShell(model);
            last.putArray("choices");
            last.set("usage", usageNode(b.chunks()));
            event(last.toString());
        }
        if (b.sendDone()) {
            event("[DONE]");
        }
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        request.answered(true);
    }

    private void event(String data) throws IOException {
        byte[] e = ("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8);
        request.sent.add(e);
        out.write((Integer.toHexString(e.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(e);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private String chunk(String model, int i, boolean usage) {
        ObjectNode c = chunkShell(model);
        ObjectNode choice = c.putArray("choices").addObject();
        choice.put("index", 0);
        choice.putObject("delta").put("content", "tok" + i + " ");
        choice.putNull("finish_reason");
        if (usage) {
            c.putNull("usage");
        }
        return c.toString();
    }

    private ObjectNode chunkShell(String model) {
        return json.createObjectNode()
                .put("id", "chatcmpl-fake")
                .put("object", "chat.completion.chunk")
                .put("created", 1)
                .put("model", model);
    }

    private ObjectNode usageNode(int completion) {
        return json.createObjectNode()
                .put("prompt_tokens", PROMPT_TOKENS)
                .put("completion_tokens", completion)
                .put("total_tokens", PROMPT_TOKENS + completion);
    }

    private byte[] completion(JsonNode body) {
        ObjectNode r = json.createObjectNode()
                .put("id", "chatcmpl-fake")
                .put("object", request.path.endsWith("/chat/completions") ? "chat.completion" : "text_completion")
                .put("created", 1)
                .put("model", body.path("model").asText());
        ObjectNode choice = r.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", "hello from " + socket.getLocalPort());
        r.set("usage", usageNode(b.chunks()));
        return r.toString().getBytes(StandardCharsets.UTF_8);
    }

    private byte[] embeddings(JsonNode body) {
        ObjectNode r = json.createObjectNode()
                .put("object", "list")
                .put("model", body.path("model").asText());
        r.putArray("data")
                .addObject()
                .put("object", "embedding")
                .put("index", 0)
                .putArray("embedding")
                .add(0.25)
                .add(-0.5);
        r.putObject("usage").put("prompt_tokens", PROMPT_TOKENS).put("total_tokens", PROMPT_TOKENS);
        return r.toString().getBytes(StandardCharsets.UTF_8);
    }

    private byte[] v2Infer(JsonNode body) {
        ObjectNode r = json.createObjectNode()
                .put("model_name", request.path.split("/")[3])
                .put("id", body.path("id").asText("1"));
        ObjectNode output = r.putArray("outputs").addObject().put("name", "out").put("datatype", "FP32");
        output.putArray("shape").add(1);
        output.putArray("data")
                .add(body.path("inputs").path(0).path("data").path(0).asDouble() * 2);
        return r.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void whole(int status, byte[] body) throws IOException, InterruptedException {
        if (!"GET".equals(request.method)
                && (b.fault() == Fault.STALL_AFTER_HEADERS || b.fault() == Fault.STALL_AFTER_FIRST_CHUNK)) {
            head(status, "application/json", "Content-Length: " + body.length + "\r\n");
            Thread.sleep(Duration.ofMinutes(5).toMillis());
            return;
        }
        head(status, "application/json", "Content-Length: " + body.length + "\r\n");
        if (!"GET".equals(request.method) && b.fault() == Fault.EOF_BEFORE_FIRST_CHUNK) {
            FakeOpenAiUpstream.quietClose(socket);
            return;
        }
        request.sent.add(body);
        out.write(body);
        out.flush();
        request.answered(true);
    }

    private void head(int status, String type, String extra) throws IOException {
        String head = "HTTP/1.1 " + status + " X\r\nContent-Type: " + type + "\r\n" + extra + "\r\n";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }
}
