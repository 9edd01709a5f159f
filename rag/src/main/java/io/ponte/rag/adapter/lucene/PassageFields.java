package io.ponte.rag.adapter.lucene;

import io.ponte.rag.core.Passage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;

/**
 * The documents of the index. A file is one block: its passages and one {@code type=file} document with its content
 * hash, all carrying the same {@link #FILE_KEY} so that the block is replaced or deleted by one term.
 */
final class PassageFields {

    static final String TYPE = "type";
    static final String PASSAGE = "passage";
    static final String FILE_TYPE = "file";
    static final String FILE_KEY = "fileKey";
    static final String ID = "id";
    static final String COLLECTION = "collection";
    static final String FILE = "file";
    static final String HEADING = "heading";
    static final String START_LINE = "startLine";
    static final String END_LINE = "endLine";
    static final String TEXT = "text";
    static final String CONTENT_HASH = "contentHash";
    static final String VECTOR = "vector";
    static final String TEXT_EN = "text_en";
    static final String TEXT_IT = "text_it";
    static final String IDENT = "ident";
    static final String PATH = "path";

    /** Vectors are stored at unit length, so the dot product is the cosine. */
    static final VectorSimilarityFunction SIMILARITY = VectorSimilarityFunction.DOT_PRODUCT;

    private static final Set<String> PASSAGE_STORED = Set.of(ID, COLLECTION, FILE, HEADING, START_LINE, END_LINE, TEXT);

    private PassageFields() {}

    static Term fileKey(String collection, String file) {
        return new Term(FILE_KEY, collection + '\u0000' + file);
    }

    static List<Document> fileBlock(
            String collection, String file, String contentHash, List<Passage> passages, List<float[]> unitVectors) {
        List<Document> block = new ArrayList<>(passages.size() + 1);
        for (int i = 0; i < passages.size(); i++) {
            block.add(passage(passages.get(i), unitVectors.get(i)));
        }
        Document meta = new Document();
        meta.add(new StringField(TYPE, FILE_TYPE, Store.NO));
        meta.add(new StringField(FILE_KEY, fileKey(collection, file).text(), Store.NO));
        meta.add(new StringField(COLLECTION, collection, Store.YES));
        meta.add(new StringField(FILE, file, Store.YES));
        meta.add(new StoredField(CONTENT_HASH, contentHash));
        block.add(meta);
        return block;
    }

    private static Document passage(Passage p, float[] unitVector) {
        Document doc = new Document();
        doc.add(new StringField(TYPE, PASSAGE, Store.NO));
        doc.add(new StringField(FILE_KEY, fileKey(p.collection(), p.file()).text(), Store.NO));
        doc.add(new StringField(ID, p.id(), Store.YES));
        doc.add(new StringField(COLLECTION, p.collection(), Store.YES));
        doc.add(new StringField(FILE, p.file(), Store.YES));
        for (String heading : p.headings()) {
            doc.add(new StoredField(HEADING, heading));
        }
        doc.add(new StoredField(START_LINE, p.startLine()));
        doc.add(new StoredField(END_LINE, p.endLine()));
        doc.add(new StoredField(TEXT, p.text()));
        doc.add(new KnnFloatVectorField(VECTOR, unitVector, SIMILARITY));
        String prose = p.headingPath() + "\n" + p.text();
        doc.add(new TextField(TEXT_EN, prose, Store.NO));
        doc.add(new TextField(TEXT_IT, prose, Store.NO));
        doc.add(new TextField(IDENT, p.text() + "\n" + String.join("\n", p.headings()) + "\n" + p.file(), Store.NO));
        doc.add(new TextField(PATH, p.file(), Store.NO));
        return doc;
    }

    static Passage readPassage(StoredFields stored, int doc) throws IOException {
        Document d = stored.document(doc, PASSAGE_STORED);
        List<String> headings = new ArrayList<>();
        for (IndexableField heading : d.getFields(HEADING)) {
            headings.add(heading.stringValue());
        }
        return new Passage(
                d.get(ID),
                d.get(COLLECTION),
                d.get(FILE),
                headings,
                d.getField(START_LINE).numericValue().intValue(),
                d.getField(END_LINE).numericValue().intValue(),
                d.get(TEXT));
    }
}
