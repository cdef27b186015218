package dev.confab.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A test double of an Ollama server: speaks Ollama's HTTP protocol ({@code /api/chat} streamed as NDJSON,
 * {@code /api/tags}) and answers every chat with scripted tokens instead of running a model.
 */
public final class OllamaProtocolTestServer implements AutoCloseable {

    public static final String MODEL = "test-model:0.5b";

    private static OllamaProtocolTestServer shared;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    private final List<JsonNode> chatRequests = new CopyOnWriteArrayList<>();
    private static final List<String> DEFAULT_TOKENS = List.of("Hello", " from", " the", " test", " model", ".");

    private volatile List<String> tokens = DEFAULT_TOKENS;
    private volatile int failureStatus;

    private OllamaProtocolTestServer(HttpServer server) {
        this.server = server;
        server.createContext("/api/chat", this::chat);
        server.createContext("/api/tags", this::tags);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    public static OllamaProtocolTestServer start() {
        try {
            return new OllamaProtocolTestServer(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The server shared by every test of this JVM. */
    public static synchronized OllamaProtocolTestServer shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Sets the tokens every following chat is answered with, in order. */
    public void replyWith(List<String> replyTokens) {
        this.tokens = List.copyOf(replyTokens);
    }

    /** Makes every following chat fail with this HTTP status, as an overloaded or broken sidecar would. */
    public void failWith(int status) {
        this.failureStatus = status;
    }

    /** Back to answering every chat with the default tokens. */
    public void reset() {
        this.tokens = DEFAULT_TOKENS;
        this.failureStatus = 0;
    }

    /** The bodies of the chat requests received so far, oldest first. */
    public List<JsonNode> chatRequests() {
        return List.copyOf(chatRequests);
    }

    private void chat(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode request = json.readTree(exchange.getRequestBody());
            chatRequests.add(request);
            if (failureStatus != 0) {
                byte[] error = "{\"error\":\"model runner has unexpectedly stopped\"}".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(failureStatus, error.length);
                exchange.getResponseBody().write(error);
                return;
            }
            List<String> reply = tokens;
            boolean stream = request.path("stream").asBoolean(true);
            exchange.getResponseHeaders().add("Content-Type", stream ? "application/x-ndjson" : "application/json");
            exchange.sendResponseHeaders(200, 0);
            OutputStream body = exchange.getResponseBody();
            if (stream) {
                for (String token : reply) {
                    writeLine(body, chunk(request, token, false));
                }
                writeLine(body, chunk(request, "", true));
            } else {
                writeLine(body, chunk(request, String.join("", reply), true));
            }
        }
    }

    private void tags(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = ("{\"models\":[{\"name\":\"" + MODEL + "\",\"model\":\"" + MODEL + "\"}]}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    /** One line of Ollama's stream: a message delta, and on the last line the reason and counters. */
    private ObjectNode chunk(JsonNode request, String content, boolean done) {
        ObjectNode chunk = json.createObjectNode()
                .put("model", request.path("model").asText(MODEL))
                .put("created_at", Instant.now().toString());
        chunk.putObject("message").put("role", "assistant").put("content", content);
        chunk.put("done", done);
        if (done) {
            chunk.put("done_reason", "stop")
                    .put("total_duration", 120_000_000L)
                    .put("load_duration", 1_000_000L)
                    .put("prompt_eval_count", 26)
                    .put("prompt_eval_duration", 20_000_000L)
                    .put("eval_count", tokens.size())
                    .put("eval_duration", 90_000_000L);
        }
        return chunk;
    }

    private void writeLine(OutputStream body, JsonNode line) throws IOException {
        body.write(json.writeValueAsBytes(line));
        body.write('\n');
        body.flush();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
