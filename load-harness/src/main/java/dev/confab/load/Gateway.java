package dev.confab.load;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The gateway as a client sees it: messages sent, conversations followed, and what its metrics say. */
final class Gateway {

    private static final Pattern RELAY =
            Pattern.compile("(?m)^confab_gateway_relay_seconds\\{quantile=\"([0-9.]+)\"[^}]*} (\\S+)");
    private static final Pattern HEAP = Pattern.compile("(?m)^jvm_memory_used_bytes\\{area=\"heap\"[^}]*} (\\S+)");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String baseUrl;
    private final Optional<String> apiKey;

    Gateway(String baseUrl, Optional<String> apiKey) {
        this.baseUrl = baseUrl.replaceAll("/$", "");
        this.apiKey = apiKey;
    }

    /** Sends a message; the body is the turn's SSE stream. */
    HttpResponse<InputStream> send(String conversationId, String text) throws IOException, InterruptedException {
        return http.send(request("/v1/conversations/" + conversationId + "/messages")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"" + text.replace("\"", "\\\"") + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
    }

    /** Opens a stream following a conversation; completes once its headers are in. */
    CompletableFuture<HttpResponse<InputStream>> follow(String conversationId) {
        return http.sendAsync(request("/v1/conversations/" + conversationId + "/stream").GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
    }

    /** Bytes of heap the gateway uses now, from its Prometheus metrics. */
    double heapBytes() throws IOException, InterruptedException {
        Matcher pool = HEAP.matcher(metrics());
        double used = 0;
        while (pool.find()) {
            used += Double.parseDouble(pool.group(1));
        }
        return used;
    }

    /**
     * The gateway's own percentiles of relaying a reply (Kafka record written → handed to the SSE stream), in
     * milliseconds by quantile, over its last two minutes.
     */
    Map<String, Double> relayMillis() throws IOException, InterruptedException {
        Matcher quantile = RELAY.matcher(metrics());
        Map<String, Double> millis = new TreeMap<>();
        while (quantile.find()) {
            millis.put("p" + Math.round(Double.parseDouble(quantile.group(1)) * 100),
                    Double.parseDouble(quantile.group(2)) * 1000);
        }
        return millis;
    }

    private String metrics() throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path));
        apiKey.ifPresent(key -> request.header("Authorization", "Bearer " + key));
        return request;
    }
}
