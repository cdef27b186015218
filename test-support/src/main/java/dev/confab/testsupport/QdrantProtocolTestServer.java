package dev.confab.testsupport;

import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.qdrant.client.grpc.Collections.CollectionExists;
import io.qdrant.client.grpc.Collections.CollectionExistsRequest;
import io.qdrant.client.grpc.Collections.CollectionExistsResponse;
import io.qdrant.client.grpc.Collections.CollectionOperationResponse;
import io.qdrant.client.grpc.Collections.CreateCollection;
import io.qdrant.client.grpc.CollectionsGrpc;
import io.qdrant.client.grpc.Common.Condition;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.BatchResult;
import io.qdrant.client.grpc.Points.CountPoints;
import io.qdrant.client.grpc.Points.CountResponse;
import io.qdrant.client.grpc.Points.CountResult;
import io.qdrant.client.grpc.Points.CreateFieldIndexCollection;
import io.qdrant.client.grpc.Points.DeletePoints;
import io.qdrant.client.grpc.Points.DenseVector;
import io.qdrant.client.grpc.Points.NamedVectorsOutput;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.PointsOperationResponse;
import io.qdrant.client.grpc.Points.QueryBatchPoints;
import io.qdrant.client.grpc.Points.QueryBatchResponse;
import io.qdrant.client.grpc.Points.QueryPoints;
import io.qdrant.client.grpc.Points.ScoredPoint;
import io.qdrant.client.grpc.Points.UpdateResult;
import io.qdrant.client.grpc.Points.UpdateStatus;
import io.qdrant.client.grpc.Points.UpsertPoints;
import io.qdrant.client.grpc.Points.Vector;
import io.qdrant.client.grpc.Points.VectorInput;
import io.qdrant.client.grpc.Points.VectorOutput;
import io.qdrant.client.grpc.Points.VectorsOutput;
import io.qdrant.client.grpc.PointsGrpc;
import io.qdrant.client.grpc.QdrantGrpc;
import io.qdrant.client.grpc.QdrantOuterClass.HealthCheckReply;
import io.qdrant.client.grpc.QdrantOuterClass.HealthCheckRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A <b>Qdrant-protocol test server</b>, not Qdrant: Qdrant's own gRPC services, served over real gRPC on a local
 * port, implementing just the calls retrieval's Qdrant store makes (health check, collection exists and create,
 * field index, upsert, delete by filter, batched nearest-vector queries with keyword filters, count) over points kept
 * in memory. Dense vectors score by cosine, sparse ones by dot product with Qdrant's IDF, as Qdrant does. It can be
 * told to fail the next calls, to test what the store does when Qdrant is down.
 */
public final class QdrantProtocolTestServer implements AutoCloseable {

    /** The name of the dense vector the store queries and returns with each hit. */
    private static final String DENSE = "dense";

    private final Map<String, Map<String, PointStruct>> collections = new ConcurrentHashMap<>();
    private final AtomicInteger failures = new AtomicInteger();
    private volatile boolean down;
    private final Server server;

    public QdrantProtocolTestServer() {
        try {
            server = Grpc.newServerBuilderForPort(0, InsecureServerCredentials.create())
                    .addService(new Health())
                    .addService(new CollectionsService())
                    .addService(new PointsService())
                    .build()
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://localhost:" + server.getPort();
    }

    /** Fails the next {@code calls} calls with UNAVAILABLE, as an unreachable Qdrant would. */
    public void failNext(int calls) {
        failures.set(calls);
    }

    /** Fails every call until told otherwise, as a Qdrant that is down would. */
    public void down(boolean down) {
        this.down = down;
    }

    /** How many points the collection holds, read directly, not through the protocol. */
    public int points(String collection) {
        return collections.getOrDefault(collection, Map.of()).size();
    }

    @Override
    public void close() {
        server.shutdownNow();
    }

    private boolean failing(StreamObserver<?> response) {
        if (down || failures.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
            response.onError(Status.UNAVAILABLE.withDescription("test server told to fail").asRuntimeException());
            return true;
        }
        return false;
    }

    private static <T> void reply(StreamObserver<T> response, T message) {
        response.onNext(message);
        response.onCompleted();
    }

    private static PointsOperationResponse completed() {
        return PointsOperationResponse.newBuilder()
                .setResult(UpdateResult.newBuilder().setStatus(UpdateStatus.Completed))
                .build();
    }

    private Map<String, PointStruct> collection(String name) {
        Map<String, PointStruct> points = collections.get(name);
        if (points == null) {
            throw Status.NOT_FOUND.withDescription("Collection " + name + " not found").asRuntimeException();
        }
        return points;
    }

    /** {@code qdrant.Qdrant}: the health check. */
    private final class Health extends QdrantGrpc.QdrantImplBase {

        @Override
        public void healthCheck(HealthCheckRequest request, StreamObserver<HealthCheckReply> response) {
            if (!failing(response)) {
                reply(response, HealthCheckReply.newBuilder()
                        .setTitle("qdrant-protocol-test-server")
                        .setVersion("test")
                        .build());
            }
        }
    }

    /** {@code qdrant.Collections}: exists and create. */
    private final class CollectionsService extends CollectionsGrpc.CollectionsImplBase {

        @Override
        public void collectionExists(CollectionExistsRequest request,
                                     StreamObserver<CollectionExistsResponse> response) {
            if (!failing(response)) {
                reply(response, CollectionExistsResponse.newBuilder()
                        .setResult(CollectionExists.newBuilder()
                                .setExists(collections.containsKey(request.getCollectionName())))
                        .build());
            }
        }

        @Override
        public void create(CreateCollection request, StreamObserver<CollectionOperationResponse> response) {
            if (!failing(response)) {
                collections.putIfAbsent(request.getCollectionName(), new ConcurrentHashMap<>());
                reply(response, CollectionOperationResponse.newBuilder().setResult(true).build());
            }
        }
    }

    /** {@code qdrant.Points}: the calls the store makes. */
    private final class PointsService extends PointsGrpc.PointsImplBase {

        @Override
        public void createFieldIndex(CreateFieldIndexCollection request,
                                     StreamObserver<PointsOperationResponse> response) {
            if (!failing(response)) {
                collection(request.getCollectionName());
                reply(response, completed());
            }
        }

        @Override
        public void upsert(UpsertPoints request, StreamObserver<PointsOperationResponse> response) {
            if (!failing(response)) {
                Map<String, PointStruct> points = collection(request.getCollectionName());
                request.getPointsList().forEach(point -> points.put(point.getId().getUuid(), point));
                reply(response, completed());
            }
        }

        @Override
        public void delete(DeletePoints request, StreamObserver<PointsOperationResponse> response) {
            if (!failing(response)) {
                Filter filter = request.getPoints().getFilter();
                collection(request.getCollectionName()).values().removeIf(point -> matches(filter, point));
                reply(response, completed());
            }
        }

        @Override
        public void count(CountPoints request, StreamObserver<CountResponse> response) {
            if (!failing(response)) {
                reply(response, CountResponse.newBuilder()
                        .setResult(CountResult.newBuilder().setCount(collection(request.getCollectionName()).size()))
                        .build());
            }
        }

        @Override
        public void queryBatch(QueryBatchPoints request, StreamObserver<QueryBatchResponse> response) {
            if (!failing(response)) {
                QueryBatchResponse.Builder batch = QueryBatchResponse.newBuilder();
                for (QueryPoints query : request.getQueryPointsList()) {
                    batch.addResult(BatchResult.newBuilder().addAllResult(nearest(query)));
                }
                reply(response, batch.build());
            }
        }
    }

    private List<ScoredPoint> nearest(QueryPoints query) {
        Map<String, PointStruct> points = collection(query.getCollectionName());
        VectorInput input = query.getQuery().getNearest();
        Map<Integer, Double> idf = input.hasSparse() ? idf(points, query.getUsing()) : Map.of();
        List<ScoredPoint> scored = new ArrayList<>();
        for (PointStruct point : points.values()) {
            if (query.hasFilter() && !matches(query.getFilter(), point)) {
                continue;
            }
            Vector stored = point.getVectors().getVectors().getVectorsMap().get(query.getUsing());
            double score = input.hasSparse()
                    ? sparseScore(input.getSparse().getIndicesList(), input.getSparse().getValuesList(), stored, idf)
                    : cosine(input.getDense().getDataList(), dense(stored));
            if (input.hasSparse() && score <= 0) {
                continue;
            }
            scored.add(ScoredPoint.newBuilder()
                    .setId(point.getId())
                    .putAllPayload(point.getPayloadMap())
                    .setScore((float) score)
                    .setVectors(VectorsOutput.newBuilder().setVectors(NamedVectorsOutput.newBuilder()
                            .putVectors(DENSE, VectorOutput.newBuilder()
                                    .setDense(DenseVector.newBuilder().addAllData(
                                            dense(point.getVectors().getVectors().getVectorsMap()
                                                    .get(DENSE))))
                                    .build())))
                    .build());
        }
        return scored.stream()
                .sorted(Comparator.comparingDouble(ScoredPoint::getScore).reversed())
                .limit(query.getLimit())
                .toList();
    }

    /** Qdrant's IDF: {@code ln(1 + (N - n + 0.5) / (n + 0.5))} over the points that have the term. */
    private static Map<Integer, Double> idf(Map<String, PointStruct> points, String using) {
        Map<Integer, Integer> documents = new HashMap<>();
        for (PointStruct point : points.values()) {
            sparseIndices(point.getVectors().getVectors().getVectorsMap().get(using))
                    .forEach(index -> documents.merge(index, 1, Integer::sum));
        }
        Map<Integer, Double> idf = new HashMap<>();
        documents.forEach((index, n) -> idf.put(index, Math.log(1 + (points.size() - n + 0.5) / (n + 0.5))));
        return idf;
    }

    private static double sparseScore(List<Integer> indices, List<Float> values, Vector stored,
                                      Map<Integer, Double> idf) {
        List<Integer> storedIndices = sparseIndices(stored);
        List<Float> storedValues = stored.hasSparse() ? stored.getSparse().getValuesList() : stored.getDataList();
        Map<Integer, Float> document = new HashMap<>();
        for (int i = 0; i < storedIndices.size(); i++) {
            document.put(storedIndices.get(i), storedValues.get(i));
        }
        double score = 0;
        for (int i = 0; i < indices.size(); i++) {
            Float weight = document.get(indices.get(i));
            if (weight != null) {
                score += values.get(i) * weight * idf.getOrDefault(indices.get(i), 0.0);
            }
        }
        return score;
    }

    private static List<Integer> sparseIndices(Vector vector) {
        return vector.hasSparse() ? vector.getSparse().getIndicesList() : vector.getIndices().getDataList();
    }

    private static List<Float> dense(Vector vector) {
        return vector.hasDense() ? vector.getDense().getDataList() : vector.getDataList();
    }

    private static double cosine(List<Float> a, List<Float> b) {
        double dot = 0;
        double normA = 0;
        double normB = 0;
        for (int i = 0; i < a.size(); i++) {
            dot += a.get(i) * b.get(i);
            normA += a.get(i) * a.get(i);
            normB += b.get(i) * b.get(i);
        }
        return dot / Math.sqrt(normA * normB);
    }

    /** {@code must} and {@code must_not} of keyword matches, the filters the store sends. */
    private static boolean matches(Filter filter, PointStruct point) {
        return filter.getMustList().stream().allMatch(condition -> matches(condition, point))
                && filter.getMustNotList().stream().noneMatch(condition -> matches(condition, point));
    }

    private static boolean matches(Condition condition, PointStruct point) {
        String key = condition.getField().getKey();
        Value value = point.getPayloadMap().get(key);
        if (value == null) {
            return false;
        }
        List<String> present = value.hasListValue()
                ? value.getListValue().getValuesList().stream().map(Value::getStringValue).toList()
                : List.of(value.getStringValue());
        List<String> wanted = condition.getField().getMatch().hasKeywords()
                ? condition.getField().getMatch().getKeywords().getStringsList()
                : List.of(condition.getField().getMatch().getKeyword());
        return present.stream().anyMatch(wanted::contains);
    }
}
