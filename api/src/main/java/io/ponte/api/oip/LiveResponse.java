package io.ponte.api.oip;

/**
 * The body KServe model servers answer on {@code GET /v2/health/live}: {@code {"live": true}}. The
 * protocol itself needs only the HTTP status, so clients must not require this body.
 *
 * @param live whether the server is live
 */
public record LiveResponse(boolean live) {}
