package io.ponte.rag.wiring;

import io.ponte.rag.adapter.lucene.LucenePassageIndex;
import io.ponte.rag.adapter.onnx.MiniLmEmbedder;
import io.ponte.rag.config.RagConfig;
import io.ponte.rag.spi.Embedder;
import io.ponte.rag.spi.PassageIndex;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The embedded defaults behind the ports: MiniLM in-process, a Lucene index on disk. */
class Adapters {

    @Produces
    @Singleton
    Embedder embedder() {
        return new MiniLmEmbedder();
    }

    @Produces
    @Singleton
    PassageIndex index(RagConfig config, Embedder embedder) {
        return LucenePassageIndex.open(config.indexDir(), embedder.modelName(), embedder.dimension());
    }

    void close(@Disposes PassageIndex index) {
        index.close();
    }
}
