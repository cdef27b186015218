package dev.confab.retrieval.engine.store;

import dev.confab.retrieval.engine.store.DistributionBasedFusion.Scored;
import io.qdrant.client.QdrantClient;
import io.qdrant.client.QdrantGrpcClient;
import io.qdrant.client.grpc.Collections.CreateCollection;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.Modifier;
import io.qdrant.client.grpc.Collections.PayloadSchemaType;
import io.qdrant.client.grpc.Collections.SparseVectorConfig;
import io.qdrant.client.grpc.Collections.SparseVectorParams;
import io.qdrant.client.grpc.Collections.VectorParams;
import io.qdrant.client.grpc.Collections.VectorParamsMap;
import io.qdrant.client.grpc.Collections.VectorsConfig;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.BatchResult;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.QueryPoints;
import io.qdrant.client.grpc.Points.ScoredPoint;
import io.qdrant.client.grpc.Points.VectorOutput;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static io.qdrant.client.ConditionFactory.matchKeyword;
import static io.qdrant.client.ConditionFactory.matchKeywords;
import static io.qdrant.client.PointIdFactory.id;
import static io.qdrant.client.QueryFactory.nearest;
import static io.qdrant.client.ValueFactory.list;
import static io.qdrant.client.ValueFactory.value;
import static io.qdrant.client.VectorFactory.vector;
import static io.qdrant.client.VectorsFactory.namedVectors;
import static io.qdrant.client.WithPayloadSelectorFactory.enable;
import static io.qdrant.client.WithVectorsSelectorFactory.include;

/**
 * The production store: a Qdrant collection per tenant and assistant over gRPC, with a dense vector (the encoder's)
 * and a sparse one (BM25 terms, IDF applied by Qdrant) per chunk, and keyword payload indexes for the filters. Both
 * retrievers run in one batched query and are fused here with the same {@link DistributionBasedFusion} as the
 * embedded store, because Qdrant's server-side fusion has no per-retriever weight; so both stores rank alike.
 */
public final class QdrantKnowledgeStore implements KnowledgeStore {

    static final String DENSE = "dense";
    static final String SPARSE = "sparse";
    private static final String DOCUMENT_ID = "document_id";
    private static final String TAGS = "tags";
    private static final String REVISION = "revision";

    private final QdrantClient client;
    private final int dimension;
    private final Duration timeout;
    private final SparseTerms terms = new SparseTerms();
    /** Collections known to exist, so a search does not ask Qdrant again each time. */
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    public QdrantKnowledgeStore(QdrantClient client, int dimension, Duration timeout) {
        this.client = client;
        this.dimension = dimension;
        this.timeout = timeout;
    }

    /** Connects to {@code http://host:6334} (or {@code https://}) with an optional API key. */
    public static QdrantKnowledgeStore connect(String url, String apiKey, int dimension, Duration timeout) {
        URI uri = URI.create(url);
        QdrantGrpcClient.Builder grpc = QdrantGrpcClient.newBuilder(uri.getHost(),
                uri.getPort() == -1 ? 6334 : uri.getPort(), "https".equals(uri.getScheme()))
                .withTimeout(timeout);
        if (apiKey != null && !apiKey.isBlank()) {
            grpc.withApiKey(apiKey);
        }
        return new QdrantKnowledgeStore(new QdrantClient(grpc.build()), dimension, timeout);
    }

    @Override
    public void replace(Collection collection, String documentId, List<IndexedChunk> chunks) {
        ensureCollection(collection);
        String revision = UUID.randomUUID().toString();
        List<PointStruct> points = chunks.stream().map(chunk -> point(collection, chunk, revision)).toList();
        try {
            if (!points.isEmpty()) {
                await(client.upsertAsync(collection.name(), points, timeout));
            }
        } catch (StoreUnavailableException e) {
            // Some of the new points may have landed: remove them, so the old revision alone stays searchable.
            deleteQuietly(collection, documentRevision(documentId, revision));
            throw e;
        }
        // Only now do the old chunks go: until this call the document answered from its previous revision.
        await(client.deleteAsync(collection.name(), Filter.newBuilder()
                .addMust(matchKeyword(DOCUMENT_ID, documentId))
                .addMustNot(matchKeyword(REVISION, revision))
                .build(), timeout));
    }

    @Override
    public void delete(Collection collection, String documentId) {
        if (exists(collection)) {
            await(client.deleteAsync(collection.name(), Filter.newBuilder()
                    .addMust(matchKeyword(DOCUMENT_ID, documentId))
                    .build(), timeout));
        }
    }

    @Override
    public List<Candidate> search(Collection collection, StoreQuery query) {
        if (!exists(collection)) {
            return List.of();
        }
        Filter filter = filter(query);
        SparseTerms.Vector sparse = terms.query(query.text());
        Map<String, QueryPoints> retrievers = new LinkedHashMap<>();
        if (query.mode() != SearchMode.BM25) {
            retrievers.put(DENSE, retriever(collection, query, filter, DENSE, nearest(query.vector())));
        }
        if (query.mode() != SearchMode.DENSE && !sparse.indices().isEmpty()) {
            retrievers.put(SPARSE, retriever(collection, query, filter, SPARSE,
                    nearest(sparse.values(), sparse.indices())));
        }
        if (retrievers.isEmpty()) {
            return List.of();
        }
        // Both retrievers in one round trip.
        List<BatchResult> results = await(client.queryBatchAsync(collection.name(),
                List.copyOf(retrievers.values())));
        Map<String, IndexedChunk> chunks = new HashMap<>();
        Map<String, List<Scored<String>>> rankings = rankings(List.copyOf(retrievers.keySet()), results, chunks);
        List<Scored<String>> dense = rankings.getOrDefault(DENSE, List.of());
        List<Scored<String>> lexical = rankings.getOrDefault(SPARSE, List.of());
        return DistributionBasedFusion.fuse(lexical, dense, query.fusionWeight(), query.limit()).stream()
                .map(hit -> new Candidate(chunks.get(hit.key()), hit.score()))
                .toList();
    }

    /** Each retriever's ranking by chunk id, collecting the chunks themselves (a chunk both found is read once). */
    private static Map<String, List<Scored<String>>> rankings(List<String> retrievers, List<BatchResult> results,
                                                              Map<String, IndexedChunk> chunks) {
        Map<String, List<Scored<String>>> rankings = new HashMap<>();
        for (int i = 0; i < retrievers.size(); i++) {
            List<Scored<String>> ranking = new ArrayList<>();
            for (ScoredPoint point : results.get(i).getResultList()) {
                IndexedChunk chunk = chunks.computeIfAbsent(point.getPayloadMap().get("chunk_id").getStringValue(),
                        chunkId -> chunk(point));
                ranking.add(new Scored<>(chunk.chunkId(), point.getScore()));
            }
            rankings.put(retrievers.get(i), ranking);
        }
        return rankings;
    }

    @Override
    public long count(Collection collection) {
        return exists(collection) ? await(client.countAsync(collection.name(), timeout)) : 0;
    }

    @Override
    public boolean reachable() {
        try {
            await(client.healthCheckAsync(timeout));
            return true;
        } catch (StoreUnavailableException e) {
            return false;
        }
    }

    @Override
    public String kind() {
        return "qdrant";
    }

    @Override
    public void close() {
        client.close();
    }

    private QueryPoints retriever(Collection collection, StoreQuery query, Filter filter, String using,
                                  io.qdrant.client.grpc.Points.Query nearest) {
        QueryPoints.Builder builder = QueryPoints.newBuilder()
                .setCollectionName(collection.name())
                .setUsing(using)
                .setQuery(nearest)
                .setLimit(query.limit())
                .setWithPayload(enable(true))
                .setWithVectors(include(List.of(DENSE)));
        if (filter != null) {
            builder.setFilter(filter);
        }
        return builder.build();
    }

    private static Filter filter(StoreQuery query) {
        if (query.tags().isEmpty() && query.documentIds().isEmpty()) {
            return null;
        }
        Filter.Builder filter = Filter.newBuilder();
        if (!query.tags().isEmpty()) {
            filter.addMust(matchKeywords(TAGS, List.copyOf(query.tags())));
        }
        if (!query.documentIds().isEmpty()) {
            filter.addMust(matchKeywords(DOCUMENT_ID, List.copyOf(query.documentIds())));
        }
        return filter.build();
    }

    private static Filter documentRevision(String documentId, String revision) {
        return Filter.newBuilder()
                .addMust(matchKeyword(DOCUMENT_ID, documentId))
                .addMust(matchKeyword(REVISION, revision))
                .build();
    }

    private void deleteQuietly(Collection collection, Filter filter) {
        try {
            await(client.deleteAsync(collection.name(), filter, timeout));
        } catch (StoreUnavailableException ignored) {
            // Qdrant is down: the orphan points carry a revision no row names, and the retry's replace removes them.
        }
    }

    private PointStruct point(Collection collection, IndexedChunk chunk, String revision) {
        SparseTerms.Vector sparse = terms.document(chunk.searchableText());
        Map<String, Value> payload = new HashMap<>();
        payload.put(DOCUMENT_ID, value(chunk.documentId()));
        payload.put("chunk_id", value(chunk.chunkId()));
        payload.put("index", value(chunk.index()));
        payload.put("title", value(chunk.title() == null ? "" : chunk.title()));
        payload.put("url", value(chunk.url() == null ? "" : chunk.url()));
        payload.put(TAGS, list(chunk.tags().stream().map(tag -> value(tag)).toList()));
        payload.put("headings", list(chunk.headings().stream().map(heading -> value(heading)).toList()));
        payload.put("text", value(chunk.text()));
        payload.put("start", value(chunk.start()));
        payload.put("end", value(chunk.end()));
        payload.put(REVISION, value(revision));
        List<Float> dense = new ArrayList<>(chunk.vector().length);
        for (float component : chunk.vector()) {
            dense.add(component);
        }
        return PointStruct.newBuilder()
                .setId(id(UUID.nameUUIDFromBytes((collection.name() + "/" + chunk.chunkId() + "/" + revision)
                        .getBytes(StandardCharsets.UTF_8))))
                .setVectors(namedVectors(Map.of(
                        DENSE, vector(dense),
                        SPARSE, vector(sparse.values(), sparse.indices()))))
                .putAllPayload(payload)
                .build();
    }

    private static IndexedChunk chunk(ScoredPoint point) {
        Map<String, Value> payload = point.getPayloadMap();
        VectorOutput dense = point.getVectors().getVectors().getVectorsOrThrow(DENSE);
        List<Float> components = dense.hasDense() ? dense.getDense().getDataList() : dense.getDataList();
        float[] vector = new float[components.size()];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = components.get(i);
        }
        return new IndexedChunk(
                payload.get(DOCUMENT_ID).getStringValue(),
                payload.get("chunk_id").getStringValue(),
                (int) payload.get("index").getIntegerValue(),
                emptyToNull(payload.get("title").getStringValue()),
                emptyToNull(payload.get("url").getStringValue()),
                strings(payload.get(TAGS)),
                strings(payload.get("headings")),
                payload.get("text").getStringValue(),
                (int) payload.get("start").getIntegerValue(),
                (int) payload.get("end").getIntegerValue(),
                vector);
    }

    private static List<String> strings(Value list) {
        return list.getListValue().getValuesList().stream().map(Value::getStringValue).toList();
    }

    private static String emptyToNull(String value) {
        return value.isEmpty() ? null : value;
    }

    private boolean exists(Collection collection) {
        if (known.contains(collection.name())) {
            return true;
        }
        boolean exists = await(client.collectionExistsAsync(collection.name(), timeout));
        if (exists) {
            known.add(collection.name());
        }
        return exists;
    }

    private void ensureCollection(Collection collection) {
        if (exists(collection)) {
            return;
        }
        await(client.createCollectionAsync(CreateCollection.newBuilder()
                .setCollectionName(collection.name())
                .setVectorsConfig(VectorsConfig.newBuilder()
                        .setParamsMap(VectorParamsMap.newBuilder()
                                .putMap(DENSE, VectorParams.newBuilder()
                                        .setSize(dimension)
                                        .setDistance(Distance.Cosine)
                                        .build())))
                .setSparseVectorsConfig(SparseVectorConfig.newBuilder()
                        .putMap(SPARSE, SparseVectorParams.newBuilder().setModifier(Modifier.Idf).build()))
                .build(), timeout));
        for (String field : List.of(DOCUMENT_ID, TAGS, REVISION)) {
            await(client.createPayloadIndexAsync(collection.name(), field, PayloadSchemaType.Keyword, null, true,
                    null, timeout));
        }
        known.add(collection.name());
    }

    private <T> T await(Future<T> call) {
        try {
            return call.get(timeout.toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("Interrupted while calling Qdrant", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new StoreUnavailableException("Qdrant call failed: " + e.getMessage(), e);
        }
    }
}
