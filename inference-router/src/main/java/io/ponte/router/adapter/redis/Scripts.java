package io.ponte.router.adapter.redis;

import io.ponte.router.access.Gcra;

/**
 * The Lua side of {@link RedisRateLimiter}: the arithmetic of {@link Gcra} on state kept as one
 * integer TAT (microseconds) per quota. Times come in as arguments, so the scripts are deterministic.
 */
final class Scripts {

    private Scripts() {}

    private static final String PRELUDE = """
            local now = tonumber(ARGV[1])
            local window = $WINDOW
            local function tat(key)
              local stored = tonumber(redis.call('GET', key))
              if stored == nil or stored < now then return now end
              return stored
            end
            local function store(key, value)
              redis.call('SET', key, string.format('%.0f', value), 'PX', math.ceil((value - now) / 1000))
            end
            """.replace("$WINDOW", Long.toString(Gcra.WINDOW_MICROS));

    /**
     * KEYS: request TAT, token TAT. ARGV: now, request interval, token interval (0 = no quota).
     * Returns the request and token waits in microseconds; when neither is positive the request is
     * admitted and counted.
     */
    static final LuaScript ADMIT = new LuaScript(PRELUDE + """
            local request_interval = tonumber(ARGV[2])
            local token_interval = tonumber(ARGV[3])
            local request_tat, request_wait, token_wait = 0, 0, 0
            if request_interval > 0 then
              request_tat = tat(KEYS[1]) + request_interval
              request_wait = request_tat - now - window
            end
            if token_interval > 0 then
              token_wait = tat(KEYS[2]) + token_interval - now - window
            end
            if request_wait <= 0 and token_wait <= 0 and request_interval > 0 then
              store(KEYS[1], request_tat)
            end
            return {request_wait, token_wait}
            """);

    /** KEYS: request TAT, token TAT. ARGV: now, token increment. Adds tokens, at most two windows ahead. */
    static final LuaScript RECORD_TOKENS = new LuaScript(PRELUDE + """
            store(KEYS[2], math.min(tat(KEYS[2]) + tonumber(ARGV[2]), now + 2 * window))
            """);
}
