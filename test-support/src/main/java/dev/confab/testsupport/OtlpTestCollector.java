package dev.confab.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * A test double of an OpenTelemetry collector: it takes OTLP/HTTP protobuf exports ({@code POST /v1/traces}) and
 * keeps every span with the service that sent it, so a test can ask which services one trace went through. Not
 * a collector: nothing is forwarded, sampled or stored beyond the test.
 */
public final class OtlpTestCollector implements AutoCloseable {

    /** One span as received: its trace, the service that reported it, and its name. */
    public record ReceivedSpan(String traceId, String service, String name) {
    }

    private final HttpServer server;
    private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();

    private OtlpTestCollector(HttpServer server) {
        this.server = server;
    }

    public static OtlpTestCollector start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        OtlpTestCollector collector = new OtlpTestCollector(server);
        server.createContext("/v1/traces", collector::export);
        server.start();
        return collector;
    }

    /** What a service's {@code quarkus.otel.exporter.otlp.traces.endpoint} should be. */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<ReceivedSpan> spans() {
        return List.copyOf(spans);
    }

    /** The services each trace went through, by trace id. */
    public Map<String, Set<String>> servicesByTrace() {
        Map<String, Set<String>> traces = new ConcurrentHashMap<>();
        spans.forEach(span -> traces.computeIfAbsent(span.traceId(), id -> ConcurrentHashMap.newKeySet())
                .add(span.service()));
        return traces;
    }

    private void export(HttpExchange exchange) throws IOException {
        try (InputStream body = exchange.getRequestBody()) {
            ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(body);
            for (ResourceSpans resource : request.getResourceSpansList()) {
                String service = resource.getResource().getAttributesList().stream()
                        .filter(attribute -> attribute.getKey().equals("service.name"))
                        .map(KeyValue::getValue)
                        .map(value -> value.getStringValue())
                        .findFirst()
                        .orElse("unknown");
                for (ScopeSpans scope : resource.getScopeSpansList()) {
                    scope.getSpansList().forEach(span -> spans.add(new ReceivedSpan(
                            HexFormat.of().formatHex(span.getTraceId().toByteArray()), service, span.getName())));
                }
            }
        }
        byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
        exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
        exchange.sendResponseHeaders(200, answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    @Override
    public String toString() {
        return spans.stream().map(span -> span.service() + ":" + span.name()).collect(Collectors.joining(", "));
    }
}
