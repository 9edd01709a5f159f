package io.ponte.rag.spi;

import io.ponte.rag.core.Passage;
import io.ponte.rag.core.ScoredPassage;
import io.ponte.rag.core.SearchFilter;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where passages are kept and searched, by keywords (BM25) and by meaning (vectors). The embedded default is a
 * Lucene index on disk; a server store (OpenSearch, pgvector) implements the same port. Every method is safe to
 * call from several threads; writes become visible to searches after {@link #commit()}.
 */
public interface PassageIndex extends AutoCloseable {

    /** The files of a collection and the content hash each was indexed from. */
    Map<String, String> fileHashes(String collection);

    /**
     * Replaces everything indexed for one file with {@code passages} ({@code vectors} in the same order), all or
     * nothing: a search never sees half of a file's old passages and half of its new ones.
     */
    void replaceFile(String collection, String file, String contentHash, List<Passage> passages, List<float[]> vectors);

    /** Removes a file's passages. */
    void deleteFile(String collection, String file);

    /** The best {@code k} passages for {@code query} by BM25 over the passage text, headings and file path. */
    List<ScoredPassage> keyword(String collection, String query, int k, SearchFilter filter);

    /** The {@code k} passages nearest to {@code vector} (cosine), by approximate (HNSW) search. */
    List<ScoredPassage> nearest(String collection, float[] vector, int k, SearchFilter filter);

    /**
     * How many passages of a collection contain {@code word}: an identifier or compound as a whole
     * ({@code slurm-job.vk.io/flags}, {@code cpu-hour}), an ordinary word in any form that keyword search takes for
     * the same word ({@code mounted} counts passages with {@code mounting}). How rare a word is says how much it
     * tells passages apart; 0 means no passage has it. A word keyword search ignores (a stop word) counts 0.
     */
    long passagesContaining(String collection, String word);

    /** The collections that hold at least one passage. */
    Set<String> collections();

    /** Passages in a collection. */
    long passageCount(String collection);

    /** Makes writes durable and visible. */
    void commit();

    @Override
    void close();
}
