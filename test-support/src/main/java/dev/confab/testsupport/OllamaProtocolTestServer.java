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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test double of an Ollama server, not a model: it speaks Ollama's HTTP protocol ({@code /api/chat} streamed as
 * NDJSON with {@code done_reason}, {@code eval_count} and timings on the last line, {@code /api/generate} for
 * loading a model, {@code /api/tags}) and answers every chat with scripted tokens. Scripts reproduce what a real
 * sidecar does when it struggles: a slow first token, a stall mid-stream, an HTTP error, a malformed line, a
 * dropped connection.
 */
public final class OllamaProtocolTestServer implements AutoCloseable {

    public static final String MODEL = "test-model:0.5b";
    private static final List<String> DEFAULT_TOKENS = List.of("Hello", " from", " the", " test", " model", ".");
    private static final int NEVER = Integer.MAX_VALUE;

    private static OllamaProtocolTestServer shared;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    private final ExecutorService workers = Executors.newCachedThreadPool();
    private final List<JsonNode> chatRequests = new CopyOnWriteArrayList<>();
    private final List<JsonNode> generateRequests = new CopyOnWriteArrayList<>();
    private final AtomicInteger openStreams = new AtomicInteger();
    private final AtomicInteger abandonedStreams = new AtomicInteger();
    private final AtomicInteger peakOpenStreams = new AtomicInteger();
    private final AtomicInteger failuresLeft = new AtomicInteger();

    private volatile Script script = Script.normal(DEFAULT_TOKENS);
    private volatile CountDownLatch release = new CountDownLatch(1);

    private OllamaProtocolTestServer(HttpServer server) {
        this.server = server;
        server.createContext("/api/chat", this::chat);
        server.createContext("/api/generate", this::generate);
        server.createContext("/api/tags", this::tags);
        server.setExecutor(workers);
        server.start();
    }

    public static OllamaProtocolTestServer start() {
        try {
            return new OllamaProtocolTestServer(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256));
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
        script = script.withTokens(replyTokens);
    }

    /** Waits this long before the first token, as a model busy with a long prompt does. */
    public void delayFirstToken(Duration delay) {
        script = script.withFirstTokenDelay(delay);
    }

    /** Waits this long before every token, as a model generating at a given speed does. */
    public void delayEachToken(Duration delay) {
        script = script.withTokenDelay(delay);
    }

    /** Sends this many tokens, then nothing more until {@link #reset()}: a hung runner. */
    public void stallAfter(int tokens) {
        script = script.withStallAfter(tokens);
    }

    /** Sends this many tokens, then a line that is not JSON. */
    public void malformedAfter(int tokens) {
        script = script.withMalformedAfter(tokens);
    }

    /** Sends this many tokens, then drops the connection without ending the stream. */
    public void disconnectAfter(int tokens) {
        script = script.withDisconnectAfter(tokens);
    }

    /** Makes every following chat fail with this HTTP status, as an overloaded or broken sidecar would. */
    public void failWith(int status) {
        failNext(NEVER, status);
    }

    /** Makes the next {@code count} chats fail with this HTTP status; later ones follow the script. */
    public void failNext(int count, int status) {
        failuresLeft.set(count);
        script = script.withFailureStatus(status);
    }

    /** Back to answering every chat at once with the default tokens; stalled streams end. */
    public void reset() {
        script = Script.normal(DEFAULT_TOKENS);
        failuresLeft.set(0);
        peakOpenStreams.set(openStreams.get());
        CountDownLatch stalled = release;
        release = new CountDownLatch(1);
        stalled.countDown();
    }

    /** The bodies of the chat requests received so far, oldest first. */
    public List<JsonNode> chatRequests() {
        return List.copyOf(chatRequests);
    }

    /** The bodies of {@code /api/generate} requests (model loads with {@code keep_alive}) received so far. */
    public List<JsonNode> generateRequests() {
        return List.copyOf(generateRequests);
    }

    /** The most chat streams written at the same time since the last {@link #reset()}. */
    public int peakOpenStreams() {
        return peakOpenStreams.get();
    }

    /** Chat streams being written right now. */
    public int openStreams() {
        return openStreams.get();
    }

    /**
     * Chat streams the client went away from before they ended (a write failed), as a real sidecar notices a
     * cancelled request and stops generating.
     */
    public int abandonedStreams() {
        return abandonedStreams.get();
    }

    private void chat(HttpExchange exchange) throws IOException {
        JsonNode request = json.readTree(exchange.getRequestBody());
        chatRequests.add(request);
        Script current = script;
        if (current.failureStatus() != 0 && failuresLeft.getAndUpdate(left -> left == NEVER ? NEVER : left - 1) > 0) {
            try (exchange) {
                byte[] error = "{\"error\":\"model runner has unexpectedly stopped\"}".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(current.failureStatus(), error.length);
                exchange.getResponseBody().write(error);
            }
            return;
        }
        boolean stream = request.path("stream").asBoolean(true);
        exchange.getResponseHeaders().add("Content-Type", stream ? "application/x-ndjson" : "application/json");
        exchange.sendResponseHeaders(200, 0);
        peakOpenStreams.accumulateAndGet(openStreams.incrementAndGet(), Math::max);
        try {
            if (stream) {
                stream(exchange.getResponseBody(), request, current);
            } else {
                writeLine(exchange.getResponseBody(), chunk(request, String.join("", current.tokens()), current, true));
            }
            exchange.close();
        } catch (IOException e) {
            if (!(e instanceof ScriptedDisconnect)) {
                abandonedStreams.incrementAndGet();
            }
            throw e;
        } finally {
            // On an exception (the client went away, or a script drops the connection) the server closes the
            // connection without ending the chunked body, as a crashed sidecar would.
            openStreams.decrementAndGet();
        }
    }

    private void stream(OutputStream body, JsonNode request, Script current) throws IOException {
        pause(current.firstTokenDelay());
        List<String> reply = current.tokens();
        for (int i = 0; i < reply.size(); i++) {
            if (i > 0) {
                pause(current.tokenDelay());
            }
            if (i == current.stallAfter()) {
                awaitRelease();
                return;
            }
            if (i == current.malformedAfter()) {
                body.write("{\"model\":\"broken\",\"message\":{\"content\":\n".getBytes(StandardCharsets.UTF_8));
                body.flush();
                return;
            }
            if (i == current.disconnectAfter()) {
                throw new ScriptedDisconnect();
            }
            writeLine(body, chunk(request, reply.get(i), current, false));
        }
        writeLine(body, chunk(request, "", current, true));
    }

    private void generate(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode request = json.readTree(exchange.getRequestBody());
            generateRequests.add(request);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 0);
            ObjectNode loaded = json.createObjectNode()
                    .put("model", request.path("model").asText(MODEL))
                    .put("created_at", Instant.now().toString())
                    .put("response", "")
                    .put("done", true)
                    .put("done_reason", "load");
            writeLine(exchange.getResponseBody(), loaded);
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
    private ObjectNode chunk(JsonNode request, String content, Script current, boolean done) {
        ObjectNode chunk = json.createObjectNode()
                .put("model", request.path("model").asText(MODEL))
                .put("created_at", Instant.now().toString());
        chunk.putObject("message").put("role", "assistant").put("content", content);
        chunk.put("done", done);
        if (done) {
            long evalNanos = Math.max(1, current.tokenDelay().toNanos() * current.tokens().size());
            chunk.put("done_reason", "stop")
                    .put("total_duration", current.firstTokenDelay().toNanos() + evalNanos)
                    .put("load_duration", 1_000_000L)
                    .put("prompt_eval_count", 26)
                    .put("prompt_eval_duration", current.firstTokenDelay().toNanos())
                    .put("eval_count", current.tokens().size())
                    .put("eval_duration", evalNanos);
        }
        return chunk;
    }

    private void writeLine(OutputStream body, JsonNode line) throws IOException {
        body.write(json.writeValueAsBytes(line));
        body.write('\n');
        body.flush();
    }

    private void awaitRelease() {
        try {
            release.await(5, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Paces the server's own output as a model would; it never synchronises a test with the code under test. */
    private static void pause(Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis(), delay.toNanosPart() % 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        reset();
        server.stop(0);
        workers.shutdownNow();
    }

    /** The connection drop a script asked for, as opposed to a client going away. */
    private static final class ScriptedDisconnect extends IOException {

        ScriptedDisconnect() {
            super("test server drops the connection");
        }
    }

    /** How the server answers chats: the tokens, their pace, and what goes wrong. */
    private record Script(List<String> tokens, Duration firstTokenDelay, Duration tokenDelay, int stallAfter,
                          int malformedAfter, int disconnectAfter, int failureStatus) {

        static Script normal(List<String> tokens) {
            return new Script(tokens, Duration.ZERO, Duration.ZERO, NEVER, NEVER, NEVER, 0);
        }

        Script withTokens(List<String> replyTokens) {
            return new Script(List.copyOf(replyTokens), firstTokenDelay, tokenDelay, stallAfter, malformedAfter,
                    disconnectAfter, failureStatus);
        }

        Script withFirstTokenDelay(Duration delay) {
            return new Script(tokens, delay, tokenDelay, stallAfter, malformedAfter, disconnectAfter, failureStatus);
        }

        Script withTokenDelay(Duration delay) {
            return new Script(tokens, firstTokenDelay, delay, stallAfter, malformedAfter, disconnectAfter, failureStatus);
        }

        Script withStallAfter(int count) {
            return new Script(tokens, firstTokenDelay, tokenDelay, count, malformedAfter, disconnectAfter, failureStatus);
        }

        Script withMalformedAfter(int count) {
            return new Script(tokens, firstTokenDelay, tokenDelay, stallAfter, count, disconnectAfter, failureStatus);
        }

        Script withDisconnectAfter(int count) {
            return new Script(tokens, firstTokenDelay, tokenDelay, stallAfter, malformedAfter, count, failureStatus);
        }

        Script withFailureStatus(int status) {
            return new Script(tokens, firstTokenDelay, tokenDelay, stallAfter, malformedAfter, disconnectAfter, status);
        }
    }
}
