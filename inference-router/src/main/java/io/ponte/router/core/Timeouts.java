package io.ponte.router.core;

import java.time.Duration;
import java.util.Optional;

/**
 * The four deadlines of one upstream exchange.
 *
 * @param connect TCP connect
 * @param firstByte request sent → first response body byte
 * @param idle longest gap between two chunks once the body began
 * @param total the whole exchange; {@code null} means no cap
 */
public record Timeouts(Duration connect, Duration firstByte, Duration idle, Duration total) {

    /** The total cap, when there is one. */
    public Optional<Duration> totalCap() {
        return Optional.ofNullable(total);
    }

    /** These timeouts with each present override applied. */
    public Timeouts overriddenBy(
            Optional<Duration> connect,
            Optional<Duration> firstByte,
            Optional<Duration> idle,
            Optional<Duration> total) {
        return new Timeouts(
                connect.orElse(this.connect),
                firstByte.orElse(this.firstByte),
                idle.orElse(this.idle),
                total.orElse(this.total));
    }
}
