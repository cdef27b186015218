package dev.confab.retrieval.engine.store;

import dev.confab.retrieval.engine.store.DistributionBasedFusion.Scored;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The embedded store: an Apache Lucene index per collection on local disk, searched with BM25 over the chunk text and
 * with an HNSW graph over the embeddings, the two fused by {@link DistributionBasedFusion}. It needs no server, which makes it the
 * default for a laptop, CI and the local run; one service instance owns each index directory.
 */
public final class LuceneKnowledgeStore implements KnowledgeStore {

    private static final String CHUNK_ID = "chunk_id";
    private static final String DOCUMENT_ID = "document_id";
    private static final String TAG = "tag";
    private static final String BODY = "body";
    private static final String VECTOR = "vector";
    private static final String VECTOR_BYTES = "vector_bytes";
    private static final String HEADING = "heading";

    private final Path root;
    private final Analyzer analyzer = new EnglishAnalyzer();
    private final ConcurrentMap<String, Index> indexes = new ConcurrentHashMap<>();

    public LuceneKnowledgeStore(Path root) {
        this.root = root;
    }

    @Override
    public void replace(Collection collection, String documentId, List<IndexedChunk> chunks) {
        Index index = index(collection);
        List<Document> documents = chunks.stream().map(LuceneKnowledgeStore::toDocument).toList();
        try {
            // One call deletes the old chunks and adds the new ones as a block, and nothing is visible before the
            // commit, so a reader sees either all old or all new chunks.
            index.writer.updateDocuments(new Term(DOCUMENT_ID, documentId), documents);
            index.commit();
        } catch (IOException e) {
            throw new StoreUnavailableException("Lucene could not write " + collection.name(), e);
        }
    }

    @Override
    public void delete(Collection collection, String documentId) {
        Index index = existing(collection);
        if (index == null) {
            return;
        }
        try {
            index.writer.deleteDocuments(new Term(DOCUMENT_ID, documentId));
            index.commit();
        } catch (IOException e) {
            throw new StoreUnavailableException("Lucene could not write " + collection.name(), e);
        }
    }

    @Override
    public List<Candidate> search(Collection collection, StoreQuery query) {
        Index index = existing(collection);
        if (index == null) {
            return List.of();
        }
        try {
            IndexSearcher searcher = index.searchers.acquire();
            try {
                Query filter = filter(query);
                List<Scored<Integer>> lexical = query.mode() == SearchMode.DENSE
                        ? List.of()
                        : lexical(searcher, query, filter);
                List<Scored<Integer>> dense = query.mode() == SearchMode.BM25
                        ? List.of()
                        : dense(searcher, query, filter);
                // Fused on document numbers first, so only the surviving hits are read from disk.
                StoredFields fields = searcher.storedFields();
                List<Candidate> candidates = new ArrayList<>();
                List<Scored<Integer>> fused = DistributionBasedFusion.fuse(lexical, dense, query.fusionWeight(),
                        query.limit());
                for (Scored<Integer> hit : fused) {
                    candidates.add(new Candidate(fromDocument(fields.document(hit.key())), hit.score()));
                }
                return candidates;
            } finally {
                index.searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new StoreUnavailableException("Lucene could not search " + collection.name(), e);
        }
    }

    @Override
    public long count(Collection collection) {
        Index index = existing(collection);
        if (index == null) {
            return 0;
        }
        try {
            IndexSearcher searcher = index.searchers.acquire();
            try {
                return searcher.getIndexReader().numDocs();
            } finally {
                index.searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new StoreUnavailableException("Lucene could not read " + collection.name(), e);
        }
    }

    @Override
    public boolean reachable() {
        return true;
    }

    @Override
    public String kind() {
        return "lucene";
    }

    @Override
    public void close() {
        indexes.values().forEach(Index::close);
        indexes.clear();
    }

    private List<Scored<Integer>> lexical(IndexSearcher searcher, StoreQuery query, Query filter) throws IOException {
        Query terms = new QueryBuilder(analyzer).createBooleanQuery(BODY, query.text(), BooleanClause.Occur.SHOULD);
        if (terms == null) {
            // Only stop words ("is it?"): nothing lexical to match on.
            return List.of();
        }
        if (filter != null) {
            terms = new BooleanQuery.Builder()
                    .add(terms, BooleanClause.Occur.MUST)
                    .add(filter, BooleanClause.Occur.FILTER)
                    .build();
        }
        return scored(searcher.search(terms, query.limit()).scoreDocs);
    }

    private List<Scored<Integer>> dense(IndexSearcher searcher, StoreQuery query, Query filter) throws IOException {
        Query nearest = new KnnFloatVectorQuery(VECTOR, query.vector(), query.limit(), filter);
        return scored(searcher.search(nearest, query.limit()).scoreDocs);
    }

    private static Query filter(StoreQuery query) {
        if (query.tags().isEmpty() && query.documentIds().isEmpty()) {
            return null;
        }
        BooleanQuery.Builder filter = new BooleanQuery.Builder();
        if (!query.tags().isEmpty()) {
            filter.add(new TermInSetQuery(TAG, bytes(query.tags())), BooleanClause.Occur.FILTER);
        }
        if (!query.documentIds().isEmpty()) {
            filter.add(new TermInSetQuery(DOCUMENT_ID, bytes(query.documentIds())), BooleanClause.Occur.FILTER);
        }
        return filter.build();
    }

    private static List<BytesRef> bytes(Set<String> values) {
        return values.stream().map(BytesRef::new).toList();
    }

    private static List<Scored<Integer>> scored(ScoreDoc[] hits) {
        List<Scored<Integer>> scored = new ArrayList<>(hits.length);
        for (ScoreDoc hit : hits) {
            scored.add(new Scored<>(hit.doc, hit.score));
        }
        return scored;
    }

    private static Document toDocument(IndexedChunk chunk) {
        Document document = new Document();
        document.add(new StringField(CHUNK_ID, chunk.chunkId(), Field.Store.YES));
        document.add(new StringField(DOCUMENT_ID, chunk.documentId(), Field.Store.YES));
        chunk.tags().forEach(tag -> document.add(new StringField(TAG, tag, Field.Store.YES)));
        chunk.headings().forEach(heading -> document.add(new StoredField(HEADING, heading)));
        document.add(new TextField(BODY, chunk.searchableText(), Field.Store.NO));
        document.add(new KnnFloatVectorField(VECTOR, chunk.vector(), VectorSimilarityFunction.DOT_PRODUCT));
        document.add(new StoredField(VECTOR_BYTES, toBytes(chunk.vector())));
        document.add(new StoredField("text", chunk.text()));
        document.add(new StoredField("title", nullToEmpty(chunk.title())));
        document.add(new StoredField("url", nullToEmpty(chunk.url())));
        document.add(new StoredField("index", chunk.index()));
        document.add(new StoredField("start", chunk.start()));
        document.add(new StoredField("end", chunk.end()));
        return document;
    }

    private static IndexedChunk fromDocument(Document document) {
        return new IndexedChunk(
                document.get(DOCUMENT_ID),
                document.get(CHUNK_ID),
                document.getField("index").numericValue().intValue(),
                emptyToNull(document.get("title")),
                emptyToNull(document.get("url")),
                Arrays.asList(document.getValues(TAG)),
                Arrays.stream(document.getFields(HEADING)).map(IndexableField::stringValue).toList(),
                document.get("text"),
                document.getField("start").numericValue().intValue(),
                document.getField("end").numericValue().intValue(),
                toFloats(document.getBinaryValue(VECTOR_BYTES)));
    }

    private static byte[] toBytes(float[] vector) {
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES);
        buffer.asFloatBuffer().put(vector);
        return buffer.array();
    }

    private static float[] toFloats(BytesRef bytes) {
        float[] vector = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes.bytes, bytes.offset, bytes.length).asFloatBuffer().get(vector);
        return vector;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private Index index(Collection collection) {
        return indexes.computeIfAbsent(collection.name(), name -> Index.open(root.resolve(name), analyzer));
    }

    /**
     * The collection's index, or {@code null} when nothing was ever written to it: reads never create one, so a
     * search for an assistant that has no knowledge leaves nothing on disk.
     */
    private Index existing(Collection collection) {
        Index open = indexes.get(collection.name());
        if (open != null || !Files.isDirectory(root.resolve(collection.name()))) {
            return open;
        }
        return index(collection);
    }

    /** One collection's writer and the searchers that see its last commit. */
    private record Index(IndexWriter writer, SearcherManager searchers) {

        static Index open(Path directory, Analyzer analyzer) {
            try {
                IndexWriter writer = new IndexWriter(FSDirectory.open(directory), new IndexWriterConfig(analyzer));
                // An empty commit, so that a new collection can be searched before anything is added.
                writer.commit();
                return new Index(writer, new SearcherManager(writer, null));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot open the Lucene index at " + directory, e);
            }
        }

        synchronized void commit() throws IOException {
            writer.commit();
            searchers.maybeRefreshBlocking();
        }

        void close() {
            try {
                searchers.close();
                writer.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
