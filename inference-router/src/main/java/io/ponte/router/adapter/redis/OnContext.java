package io.ponte.router.adapter.redis;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Completes a stage on the Vert.x context that asked, so callers on the event loop stay on it. */
final class OnContext {

    private OnContext() {}

    static <T> CompletionStage<T> complete(Future<T> future, Context caller) {
        CompletableFuture<T> stage = new CompletableFuture<>();
        future.onComplete(result -> {
            if (caller == null || caller == Vertx.currentContext()) {
                settle(stage, result.succeeded(), result.result(), result.cause());
            } else {
                caller.runOnContext(v -> settle(stage, result.succeeded(), result.result(), result.cause()));
            }
        });
        return stage.minimalCompletionStage();
    }

    private static <T> void settle(CompletableFuture<T> stage, boolean ok, T value, Throwable error) {
        if (ok) {
            stage.complete(value);
        } else {
            stage.completeExceptionally(error);
        }
    }
}
