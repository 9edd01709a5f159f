package io.ponte.rag.adapter.lucene;

import java.nio.file.Path;
import java.util.Map;

/**
 * What an index was built with, kept in the user data of every Lucene commit: the embedder (its vectors are only
 * comparable with its own) and the schema of the keyword fields (their analyzers).
 */
record IndexStamp(String modelName, int dimension, String schema) {

    /** Bump when a field or an analyzer changes, so that old indexes are rebuilt rather than half-matched. */
    static final String SCHEMA = "1";

    private static final String MODEL_KEY = "ponte.embedder.model";
    private static final String DIMENSION_KEY = "ponte.embedder.dimension";
    private static final String SCHEMA_KEY = "ponte.index.schema";

    static IndexStamp current(String modelName, int dimension) {
        return new IndexStamp(modelName, dimension, SCHEMA);
    }

    Map<String, String> userData() {
        return Map.of(MODEL_KEY, modelName, DIMENSION_KEY, Integer.toString(dimension), SCHEMA_KEY, schema);
    }

    /** @throws IllegalStateException when {@code userData} says the index was built otherwise */
    void check(Path dir, Map<String, String> userData) {
        String model = userData.get(MODEL_KEY);
        String dim = userData.get(DIMENSION_KEY);
        String builtSchema = userData.get(SCHEMA_KEY);
        if (model == null || dim == null || builtSchema == null) {
            throw new IllegalStateException("The directory " + dir + " holds a Lucene index that is not a Ponte"
                    + " passage index. Delete the directory (or choose another) and ingest again.");
        }
        if (!userData().equals(Map.of(MODEL_KEY, model, DIMENSION_KEY, dim, SCHEMA_KEY, builtSchema))) {
            throw new IllegalStateException("The passage index in " + dir + " was built with embedder " + model + " ("
                    + dim + " dimensions, index schema " + builtSchema + ") but this run uses " + modelName + " ("
                    + dimension + " dimensions, index schema " + schema + "). Its vectors cannot be compared: delete "
                    + dir + " and ingest again, or reopen it with LucenePassageIndex.recreate to start empty.");
        }
    }
}
