package dev.confab.bundle.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.confab.bundle.load.BundleLoader;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Releases a bundle through dialog's release API with an {@code admin} key: the way a designer or a CI pipeline
 * releases, needing no Kafka credentials. The loader checks the bundle first, so a broken one never leaves the
 * machine; the API checks it again.
 */
final class ReleaseClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReleaseClient() {
    }

    /** Posts the directory's files for the tenant; returns the API's answer, or throws with its reason. */
    static JsonNode release(URI dialog, String apiKey, String tenantId, Path directory) throws IOException {
        Map<String, String> files = BundleLoader.readDirectory(directory);
        BundleLoader.load(files);
        HttpRequest request = HttpRequest.newBuilder(dialog.resolve("/v1/assistants/" + tenantId + "/releases"))
                .timeout(Duration.ofMinutes(1))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + apiKey)
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(Map.of("files", files))))
                .build();
        HttpResponse<String> response;
        try {
            response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while releasing to " + dialog, e);
        }
        JsonNode answer = JSON.readTree(response.body().isEmpty() ? "{}" : response.body());
        if (response.statusCode() != 202) {
            throw new IOException("dialog answered " + response.statusCode() + ": " + answer.path("detail").asText());
        }
        return answer;
    }
}
