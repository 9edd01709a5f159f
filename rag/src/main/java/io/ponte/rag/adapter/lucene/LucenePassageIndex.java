package io.ponte.rag.adapter.lucene;

import io.ponte.rag.core.Passage;
import io.ponte.rag.core.ScoredPassage;
import io.ponte.rag.core.SearchFilter;
import io.ponte.rag.spi.PassageIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.DoubleUnaryOperator;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexWriterConfig.OpenMode;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.IOUtils;

/**
 * The embedded passage index: one Lucene index in a directory, with BM25 keyword fields and an HNSW vector field.
 *
 * <p>One {@link IndexWriter} takes every write; searches go through a {@link SearcherManager} over the directory's
 * latest commit, refreshed by {@link #commit()}, so a search sees exactly what is durable. A file is one block of
 * documents (its passages and its hash) under one key term, written by a single
 * {@link IndexWriter#updateDocuments(Term, Iterable)}: Lucene deletes the old block and adds the new one atomically,
 * so no reader sees half of either. Keyword scores are BM25 sums; nearest scores are cosine similarities.
 */
public final class LucenePassageIndex implements PassageIndex {

    private final Path dir;
    private final int dimension;
    private final Directory directory;
    private final Analyzer analyzer;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final KeywordQuery keywordQuery;
    private final AtomicBoolean closed = new AtomicBoolean();

    private LucenePassageIndex(
            Path dir, int dimension, Directory directory, Analyzer analyzer, IndexWriter writer, KeywordWeights weights)
            throws IOException {
        this.dir = dir;
        this.dimension = dimension;
        this.directory = directory;
        this.analyzer = analyzer;
        this.writer = writer;
        this.searchers = new SearcherManager(directory, null);
        this.keywordQuery = new KeywordQuery(analyzer, weights);
    }

    /** {@link #open(Path, String, int, KeywordWeights)} with {@link KeywordWeights#DEFAULT}. */
    public static LucenePassageIndex open(Path dir, String modelName, int dimension) {
        return open(dir, modelName, dimension, KeywordWeights.DEFAULT);
    }

    /**
     * Opens the index in {@code dir}, creating it (and the directory) when there is none.
     *
     * @throws IllegalStateException when the index there was built with another embedder or index schema (delete
     *     it, or use {@link #recreate}), or when another writer holds it
     */
    public static LucenePassageIndex open(Path dir, String modelName, int dimension, KeywordWeights weights) {
        return open(dir, IndexStamp.current(modelName, dimension), weights, OpenMode.CREATE_OR_APPEND);
    }

    /** Opens {@code dir} as a new, empty index, dropping whatever index was there. */
    public static LucenePassageIndex recreate(Path dir, String modelName, int dimension, KeywordWeights weights) {
        return open(dir, IndexStamp.current(modelName, dimension), weights, OpenMode.CREATE);
    }

    private static LucenePassageIndex open(Path dir, IndexStamp stamp, KeywordWeights weights, OpenMode mode) {
        if (stamp.dimension() <= 0) {
            throw new IllegalArgumentException("dimension must be positive: " + stamp.dimension());
        }
        Directory directory = null;
        Analyzer analyzer = IndexAnalyzers.perField();
        IndexWriter writer = null;
        try {
            Files.createDirectories(dir);
            directory = FSDirectory.open(dir);
            boolean existing = mode != OpenMode.CREATE && DirectoryReader.indexExists(directory);
            writer = new IndexWriter(directory, new IndexWriterConfig(analyzer).setOpenMode(mode));
            if (existing) {
                stamp.check(dir, userData(writer));
            }
            writer.setLiveCommitData(stamp.userData().entrySet());
            if (!existing) {
                writer.commit();
            }
            return new LucenePassageIndex(dir, stamp.dimension(), directory, analyzer, writer, weights);
        } catch (LockObtainFailedException e) {
            abandon(writer, analyzer, directory);
            throw new IllegalStateException("The passage index in " + dir + " is already open for writing", e);
        } catch (IOException e) {
            abandon(writer, analyzer, directory);
            throw new UncheckedIOException("Cannot open the passage index in " + dir, e);
        } catch (RuntimeException e) {
            abandon(writer, analyzer, directory);
            throw e;
        }
    }

    @Override
    public Map<String, String> fileHashes(String collection) {
        Query files = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(PassageFields.TYPE, PassageFields.FILE_TYPE)), Occur.FILTER)
                .add(new TermQuery(new Term(PassageFields.COLLECTION, collection)), Occur.FILTER)
                .build();
        return withSearcher(searcher -> {
            int count = searcher.count(files);
            Map<String, String> hashes = new TreeMap<>();
            if (count == 0) {
                return hashes;
            }
            StoredFields stored = searcher.storedFields();
            Set<String> fields = Set.of(PassageFields.FILE, PassageFields.CONTENT_HASH);
            for (ScoreDoc hit : searcher.search(files, count).scoreDocs) {
                var doc = stored.document(hit.doc, fields);
                hashes.put(doc.get(PassageFields.FILE), doc.get(PassageFields.CONTENT_HASH));
            }
            return hashes;
        });
    }

    @Override
    public void replaceFile(
            String collection, String file, String contentHash, List<Passage> passages, List<float[]> vectors) {
        if (passages.size() != vectors.size()) {
            throw new IllegalArgumentException(
                    passages.size() + " passages but " + vectors.size() + " vectors for " + collection + ":" + file);
        }
        List<float[]> unitVectors = new ArrayList<>(vectors.size());
        for (int i = 0; i < passages.size(); i++) {
            Passage p = passages.get(i);
            if (!p.collection().equals(collection) || !p.file().equals(file)) {
                throw new IllegalArgumentException("passage " + p.id() + " belongs to " + p.collection() + ":"
                        + p.file() + ", not to " + collection + ":" + file);
            }
            unitVectors.add(unitLength(vectors.get(i)));
        }
        try {
            writer.updateDocuments(
                    PassageFields.fileKey(collection, file),
                    PassageFields.fileBlock(collection, file, contentHash, passages, unitVectors));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + collection + ":" + file + " to " + dir, e);
        }
    }

    @Override
    public void deleteFile(String collection, String file) {
        try {
            writer.deleteDocuments(PassageFields.fileKey(collection, file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + collection + ":" + file + " from " + dir, e);
        }
    }

    @Override
    public List<ScoredPassage> keyword(String collection, String query, int k, SearchFilter filter) {
        Optional<Query> words = keywordQuery.of(query);
        if (k <= 0 || words.isEmpty()) {
            return List.of();
        }
        Query filtered = new BooleanQuery.Builder()
                .add(words.get(), Occur.MUST)
                .add(passagesOf(collection, filter), Occur.FILTER)
                .build();
        return search(filtered, k, score -> score);
    }

    @Override
    public List<ScoredPassage> nearest(String collection, float[] vector, int k, SearchFilter filter) {
        if (k <= 0) {
            return List.of();
        }
        Query knn =
                new KnnFloatVectorQuery(PassageFields.VECTOR, unitLength(vector), k, passagesOf(collection, filter));
        // Lucene scores a dot product d as (1 + d) / 2; on unit vectors d is the cosine.
        return search(knn, k, score -> 2 * score - 1);
    }

    @Override
    public long passagesContaining(String collection, String word) {
        Optional<Query> containing = keywordQuery.containing(word);
        if (containing.isEmpty()) {
            return 0;
        }
        Query filtered = new BooleanQuery.Builder()
                .add(containing.get(), Occur.MUST)
                .add(passagesOf(collection, SearchFilter.NONE), Occur.FILTER)
                .build();
        return withSearcher(searcher -> (long) searcher.count(filtered));
    }

    @Override
    public Set<String> collections() {
        return withSearcher(searcher -> {
            Set<String> collections = new TreeSet<>();
            Terms terms = MultiTerms.getTerms(searcher.getIndexReader(), PassageFields.COLLECTION);
            if (terms == null) {
                return collections;
            }
            TermsEnum names = terms.iterator();
            for (BytesRef name = names.next(); name != null; name = names.next()) {
                String collection = name.utf8ToString();
                if (searcher.count(passagesOf(collection, SearchFilter.NONE)) > 0) {
                    collections.add(collection);
                }
            }
            return collections;
        });
    }

    @Override
    public long passageCount(String collection) {
        return withSearcher(searcher -> (long) searcher.count(passagesOf(collection, SearchFilter.NONE)));
    }

    @Override
    public void commit() {
        try {
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot commit the passage index in " + dir, e);
        }
    }

    /** Commits what was written and releases the directory. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                IOUtils.close(searchers, writer, analyzer, directory);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot close the passage index in " + dir, e);
            }
        }
    }

    private static Query passagesOf(String collection, SearchFilter filter) {
        BooleanQuery.Builder query = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(PassageFields.TYPE, PassageFields.PASSAGE)), Occur.FILTER)
                .add(new TermQuery(new Term(PassageFields.COLLECTION, collection)), Occur.FILTER);
        filter.filePrefix()
                .filter(prefix -> !prefix.isEmpty())
                .ifPresent(prefix -> query.add(new PrefixQuery(new Term(PassageFields.FILE, prefix)), Occur.FILTER));
        return query.build();
    }

    private List<ScoredPassage> search(Query query, int k, DoubleUnaryOperator score) {
        return withSearcher(searcher -> {
            TopDocs top = searcher.search(query, k);
            StoredFields stored = searcher.storedFields();
            List<ScoredPassage> hits = new ArrayList<>(top.scoreDocs.length);
            for (ScoreDoc hit : top.scoreDocs) {
                hits.add(new ScoredPassage(PassageFields.readPassage(stored, hit.doc), score.applyAsDouble(hit.score)));
            }
            return hits;
        });
    }

    private float[] unitLength(float[] vector) {
        if (vector.length != dimension) {
            throw new IllegalArgumentException(
                    "vector has " + vector.length + " dimensions; this index holds " + dimension);
        }
        double sum = 0;
        for (float v : vector) {
            sum += v * v;
        }
        if (sum == 0 || !Double.isFinite(sum)) {
            throw new IllegalArgumentException("vector has no direction (zero or not finite)");
        }
        float norm = (float) Math.sqrt(sum);
        float[] unit = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            unit[i] = vector[i] / norm;
        }
        return unit;
    }

    private <T> T withSearcher(SearcherWork<T> work) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return work.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot search the passage index in " + dir, e);
        }
    }

    private static Map<String, String> userData(IndexWriter writer) {
        Map<String, String> data = new HashMap<>();
        Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
        if (live != null) {
            live.forEach(e -> data.put(e.getKey(), e.getValue()));
        }
        return data;
    }

    /** Releases what a failed open took, committing nothing. */
    private static void abandon(IndexWriter writer, Analyzer analyzer, Directory directory) {
        try {
            if (writer != null) {
                writer.rollback();
            }
        } catch (IOException | RuntimeException ignored) {
            // the failure being reported matters more
        }
        IOUtils.closeWhileHandlingException(analyzer, directory);
    }

    @FunctionalInterface
    private interface SearcherWork<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }
}
