/**
 * Who may call the router and how often.
 *
 * <p>{@link io.ponte.router.access.ApiKeyStore} turns an {@code Authorization} header into an {@link
 * io.ponte.router.access.Authentication}. The {@link io.ponte.router.spi.RateLimiter} produced here
 * enforces each key's requests and tokens per minute with the generic cell rate algorithm ({@link
 * io.ponte.router.access.Gcra}), in process or, with {@code ponte.router.limiter.redis-url}, shared
 * through Redis by every replica.
 */
package io.ponte.router.access;
