package io.ponte.rag.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.nio.file.Path;
import java.util.Map;

/**
 * The service over a small corpus of our own (src/test/resources/corpus), ingested at start into the collection
 * {@code docs}, with a fresh index per test JVM.
 */
public class FixtureCorpus implements QuarkusTestProfile {

    public static final Path CORPUS = Path.of("src/test/resources/corpus").toAbsolutePath();

    /** Per JVM: the profile and the tests are loaded by different class loaders and must agree. */
    public static final Path INDEX =
            Path.of("target", "rag-index-" + ProcessHandle.current().pid()).toAbsolutePath();

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "ponte.rag.index-dir", INDEX.resolve(getClass().getSimpleName()).toString(),
                "ponte.rag.ingest-on-start.docs", CORPUS.toString(),
                "ponte.rag.allowed-roots", Path.of("target").toAbsolutePath().toString());
    }
}
