package io.ponte.router.core;

/** The OpenAI operations the router forwards, with their path below the backend's base URL. */
public enum Endpoint {
    CHAT("/chat/completions", "messages", true),
    COMPLETIONS("/completions", "prompt", true),
    EMBEDDINGS("/embeddings", "input", false);

    private final String path;
    private final String requiredField;
    private final boolean streamable;

    Endpoint(String path, String requiredField, boolean streamable) {
        this.path = path;
        this.requiredField = requiredField;
        this.streamable = streamable;
    }

    public String path() {
        return path;
    }

    /** The body field every request of this kind must carry besides {@code model}. */
    public String requiredField() {
        return requiredField;
    }

    public boolean streamable() {
        return streamable;
    }
}
