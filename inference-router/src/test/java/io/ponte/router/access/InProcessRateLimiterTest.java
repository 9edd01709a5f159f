package io.ponte.router.access;

import io.ponte.router.spi.RateLimiter;
import java.time.InstantSource;

class InProcessRateLimiterTest extends RateLimiterContractTest {

    @Override
    protected RateLimiter newLimiter(InstantSource clock) {
        return new InProcessRateLimiter(clock);
    }
}
