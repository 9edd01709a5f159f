package io.ponte.pipelines.spi;

import java.time.Instant;

/**
 * Which runner executes a run, and until when its claim holds unless renewed. A runner renews its
 * claims well before they end; a claim that ended means its runner stopped (crashed, was killed,
 * or lost the store), and another runner may take the run over.
 *
 * @param owner the runner's id ({@code ponte.pipelines.runner-id})
 * @param until when the claim ends unless renewed
 */
public record RunClaim(String owner, Instant until) {

    /** Whether {@code runner} holds the run at {@code now}. */
    public boolean heldBy(String runner, Instant now) {
        return owner.equals(runner) && until.isAfter(now);
    }
}
