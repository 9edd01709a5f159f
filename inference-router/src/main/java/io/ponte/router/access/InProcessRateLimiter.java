package io.ponte.router.access;

import io.ponte.router.spi.RateLimiter;
import java.time.InstantSource;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Keeps each key's {@link Gcra} state in this process: with several router replicas every replica
 * grants the full quota. Holds one small entry per limited key name, so configured keys only.
 */
final class InProcessRateLimiter implements RateLimiter {

    private static final CompletionStage<RateDecision> ALLOWED = CompletableFuture.completedStage(RateDecision.ALLOW);

    private final InstantSource clock;
    private final ConcurrentMap<String, KeyState> states = new ConcurrentHashMap<>();

    InProcessRateLimiter(InstantSource clock) {
        this.clock = clock;
    }

    @Override
    public CompletionStage<RateDecision> admit(ApiKey key) {
        if (!key.limited()) {
            return ALLOWED;
        }
        RateDecision decision = state(key)
                .admit(
                        Gcra.nowMicros(clock),
                        Gcra.interval(key.requestsPerMinute()),
                        Gcra.interval(key.tokensPerMinute()));
        return decision.allowed() ? ALLOWED : CompletableFuture.completedStage(decision);
    }

    @Override
    public void recordTokens(ApiKey key, long tokens) {
        if (tokens > 0 && key.tokensPerMinute().isPresent()) {
            long increment = Gcra.tokenIncrement(tokens, key.tokensPerMinute().getAsLong());
            state(key).addTokens(Gcra.nowMicros(clock), increment);
        }
    }

    private KeyState state(ApiKey key) {
        KeyState state = states.get(key.name());
        return state != null ? state : states.computeIfAbsent(key.name(), name -> new KeyState());
    }

    /** The theoretical arrival times of one key's two quotas. */
    private static final class KeyState {
        private long requestTat;
        private long tokenTat;

        synchronized RateDecision admit(long now, long requestInterval, long tokenInterval) {
            long requestWait = requestInterval > 0 ? Gcra.wait(requestTat, now, requestInterval) : 0;
            long tokenWait = tokenInterval > 0 ? Gcra.wait(tokenTat, now, tokenInterval) : 0;
            if (requestWait > 0 || tokenWait > 0) {
                return Gcra.refusal(requestWait, tokenWait);
            }
            if (requestInterval > 0) {
                requestTat = Gcra.add(requestTat, now, requestInterval);
            }
            return RateDecision.ALLOW;
        }

        synchronized void addTokens(long now, long increment) {
            tokenTat = Gcra.add(tokenTat, now, increment);
        }
    }
}
