package io.ponte.router.http;

/** How an error body is shaped: per the protocol the client speaks. */
enum ErrorStyle {
    /** {@code {"error":{"message","type","param","code"}}} — what OpenAI SDKs parse. */
    OPENAI,
    /** {@code {"error":"message"}} — the Open Inference Protocol's error shape. */
    V2
}
