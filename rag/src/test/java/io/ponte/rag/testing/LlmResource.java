package io.ponte.rag.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** Starts a {@link RecordingLlm} and points the service's language model at it. */
public class LlmResource implements QuarkusTestResourceLifecycleManager {

    private static RecordingLlm llm;

    public static RecordingLlm llm() {
        return llm;
    }

    @Override
    public Map<String, String> start() {
        try {
            llm = new RecordingLlm();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("ponte.rag.llm.base-url", llm.baseUrl(), "ponte.rag.llm.model", "test-model");
    }

    @Override
    public void stop() {
        llm.close();
    }
}
