package dev.confab.export;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.confab.export.DialogApi.ConversationsPage;
import dev.confab.export.DialogApi.ReviewedConversation;
import dev.confab.export.DialogApi.Utterance;
import dev.confab.export.DialogApi.UtterancesPage;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;

/** Reads one assistant's review results from dialog-service, following its pages to the end. */
final class DialogClient {

    private static final int CONVERSATIONS_PER_PAGE = 100;
    private static final int UTTERANCES_PER_PAGE = 500;

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final ObjectMapper json = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final URI training;
    private final String apiKey;

    DialogClient(URI dialogUrl, String apiKey, String tenant, String assistant) {
        this.apiKey = apiKey;
        this.training = dialogUrl.resolve("/v1/assistants/" + encode(tenant) + "/" + encode(assistant) + "/training/");
    }

    /** The system message approved conversations are held to, then each of them in turn. */
    void approvedConversations(Consumer<String> system, Consumer<ReviewedConversation> each) throws IOException {
        String after = "";
        boolean first = true;
        while (after != null) {
            ConversationsPage page = get("conversations?limit=" + CONVERSATIONS_PER_PAGE + "&after=" + encode(after),
                    ConversationsPage.class);
            if (first) {
                system.accept(page.system());
                first = false;
            }
            page.conversations().forEach(each);
            after = page.next();
        }
    }

    /** Each user message understood with less than {@code below} confidence, out of scope or corrected. */
    void utterances(double below, Consumer<Utterance> each) throws IOException {
        String after = "0";
        while (after != null) {
            UtterancesPage page = get("utterances?limit=" + UTTERANCES_PER_PAGE + "&below=" + below + "&after="
                    + encode(after), UtterancesPage.class);
            page.utterances().forEach(each);
            after = page.next();
        }
    }

    private <T> T get(String path, Class<T> type) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(training.resolve(path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + apiKey)
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while reading " + request.uri(), e);
        }
        if (response.statusCode() != 200) {
            throw new IOException("dialog-service answered " + response.statusCode() + " to " + request.uri() + ": "
                    + response.body());
        }
        return json.readValue(response.body(), type);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
