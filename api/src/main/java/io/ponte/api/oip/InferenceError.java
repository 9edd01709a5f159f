package io.ponte.api.oip;

/**
 * The error body of every protocol endpoint ({@code inference_error_response}, {@code
 * metadata_model_error_response}, {@code metadata_server_error_response}).
 *
 * @param error a human-readable description
 */
public record InferenceError(String error) {

    /** An error saying {@code message}. */
    public static InferenceError of(String message) {
        return new InferenceError(message);
    }
}
