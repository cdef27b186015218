package dev.confab.local;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Finds out whether an Ollama-compatible server answers, so the banner can say if the SLM is on. */
final class SlmProbe {

    private SlmProbe() {
    }

    static boolean answers(String ollamaUrl) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest tags = HttpRequest.newBuilder(URI.create(ollamaUrl + "/api/tags"))
                .timeout(Duration.ofSeconds(2))
                .build();
        try {
            return client.send(tags, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return false;
        }
    }
}
