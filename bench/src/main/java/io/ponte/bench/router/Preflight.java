package io.ponte.bench.router;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import java.util.List;

/** One plain and one streamed request per path before measuring, so a misconfigured path fails fast. */
final class Preflight {
    private Preflight() {}

    static void check(Vertx vertx, List<Target> targets, String model) {
        for (Target t : targets) {
            expectOk(vertx, t, ChatPayloads.request(model, false, 16), "chat.completion");
            expectOk(vertx, t, ChatPayloads.request(model, true, 2), "[DONE]");
        }
    }

    private static void expectOk(Vertx vertx, Target t, Buffer body, String mustContain) {
        HttpClient client = t.client(vertx, 1);
        try {
            var answer = client.request(t.chatRequest())
                    .compose(req -> req.send(body))
                    .compose(resp -> resp.body().map(b -> resp.statusCode() + " " + b))
                    .toCompletionStage()
                    .toCompletableFuture()
                    .join();
            if (!answer.startsWith("200 ") || !answer.contains(mustContain)) {
                throw new IllegalStateException(
                        "path " + t + " answered " + answer.substring(0, Math.min(400, answer.length())));
            }
        } finally {
            client.close();
        }
    }
}
