package io.ponte.rag.spi;

/** The language model could not answer (down, too slow, refused the request); retrying later may help. */
public class LanguageModelException extends RuntimeException {

    public LanguageModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
