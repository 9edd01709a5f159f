package io.ponte.offload.vktest;

/**
 * What one evaluation of a check says: it holds, it may hold later (retry until the timeout), or
 * it can never hold (the template fails at once, as upstream's {@code TestFailure}).
 */
sealed interface CheckOutcome {
    record Holds() implements CheckOutcome {}

    /**
     * @param settled whether what is checked can no longer change (a log check on a pod that has
     *     ended): the template then fails after a short grace period instead of at its timeout
     */
    record NotYet(String reason, boolean settled) implements CheckOutcome {
        NotYet(String reason) {
            this(reason, false);
        }
    }

    record Never(String reason) implements CheckOutcome {}

    CheckOutcome HOLDS = new Holds();
}
