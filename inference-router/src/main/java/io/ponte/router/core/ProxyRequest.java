package io.ponte.router.core;

/**
 * A validated OpenAI request, ready to be sent upstream.
 *
 * @param endpoint the operation
 * @param model the requested model
 * @param stream whether the client asked for server-sent events
 * @param clientWantsUsage whether the client itself asked for the usage chunk
 * @param upstreamBody the bytes to send upstream (the client's own bytes unless usage was injected)
 */
public record ProxyRequest(
        Endpoint endpoint, String model, boolean stream, boolean clientWantsUsage, byte[] upstreamBody) {

    /** Whether the stream's final usage chunk must be removed before it reaches the client. */
    public boolean stripUsageChunk() {
        return stream && !clientWantsUsage;
    }
}
