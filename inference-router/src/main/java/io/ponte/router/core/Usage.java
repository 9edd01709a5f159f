package io.ponte.router.core;

/** Tokens one request consumed, as the backend reported them. */
public record Usage(long promptTokens, long completionTokens) {

    public static final Usage NONE = new Usage(0, 0);

    public long totalTokens() {
        return promptTokens + completionTokens;
    }
}
