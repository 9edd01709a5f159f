package io.ponte.offload.vktest;

import java.time.Duration;

/**
 * How one template ended on one backend.
 *
 * @param template the template id, e.g. {@code 000-hello-world}
 * @param result passed, failed or not applicable
 * @param reason why, in words (for a pass: what was shown, and any caveat)
 * @param took wall time of the run, clean-up included
 */
record TemplateResult(String template, Result result, String reason, Duration took) {

    /** The three outcomes of the table. */
    enum Result {
        PASSED("passed"),
        FAILED("failed"),
        NOT_APPLICABLE("not applicable");

        private final String label;

        Result(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }

        static Result parse(String label) {
            for (Result r : values()) {
                if (r.label.equalsIgnoreCase(label.trim()) || r.name().equalsIgnoreCase(label.trim())) {
                    return r;
                }
            }
            throw new IllegalArgumentException("unknown result '" + label + "' (passed, failed, not applicable)");
        }
    }
}
