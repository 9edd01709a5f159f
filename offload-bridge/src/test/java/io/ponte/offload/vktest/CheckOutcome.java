package io.ponte.offload.vktest;

/**
 * What one evaluation of a check says: it holds, it may hold later (retry until the timeout), or
 * it can never hold (the template fails at once, as upstream's {@code TestFailure}).
 */
sealed interface CheckOutcome {
    record Holds() implements CheckOutcome {}

    record NotYet(String reason) implements CheckOutcome {}

    record Never(String reason) implements CheckOutcome {}

    CheckOutcome HOLDS = new Holds();
}
