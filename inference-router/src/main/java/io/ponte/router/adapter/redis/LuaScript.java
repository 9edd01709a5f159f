package io.ponte.router.adapter.redis;

import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A Lua script run by its SHA-1 ({@code EVALSHA}), sent in full only when Redis lacks it. */
final class LuaScript {

    private final String source;
    private final String sha1;

    LuaScript(String source) {
        this.source = source;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(source.getBytes(StandardCharsets.UTF_8));
            this.sha1 = HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-1", e);
        }
    }

    /** Runs the script on {@code keys} with integer arguments: one round trip unless Redis restarted. */
    Future<Response> run(Redis redis, String[] keys, long... args) {
        return redis.send(request(Command.EVALSHA, sha1, keys, args)).recover(error -> {
            String message = error.getMessage();
            return message != null && message.startsWith("NOSCRIPT")
                    ? redis.send(request(Command.EVAL, source, keys, args))
                    : Future.failedFuture(error);
        });
    }

    private static Request request(Command command, String script, String[] keys, long[] args) {
        Request request = Request.cmd(command).arg(script).arg(keys.length);
        for (String key : keys) {
            request.arg(key);
        }
        for (long arg : args) {
            request.arg(arg);
        }
        return request;
    }
}
