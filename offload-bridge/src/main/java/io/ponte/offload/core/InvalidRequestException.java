package io.ponte.offload.core;

/** The request itself is malformed: not JSON, the wrong shape, or a required field missing (it is named). */
public class InvalidRequestException extends PodRejectedException {

    public InvalidRequestException(String message) {
        super(message);
    }
}
