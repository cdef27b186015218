package dev.confab.dialog.messaging;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A test server standing in for the bank's card system that the sample assistant's {@code block_card} action
 * calls: it records each request and answers as the test sets it up (a reference, a delay, a status). Like a
 * real payments API it honours {@code Idempotency-Key}: a key it has acted on is not acted on again. Only tenant
 * {@link DialogServiceTest#TENANT}'s secrets name it, and only that tenant may call its host.
 */
public class BankApiTestServer implements QuarkusTestResourceLifecycleManager {

    static final String TOKEN = "test-token";
    static final List<String> REQUESTS = new CopyOnWriteArrayList<>();
    /** The idempotency key of every request, in order. */
    static final List<String> KEYS = new CopyOnWriteArrayList<>();
    /** The keys of the requests it acted on: each once. */
    static final Set<String> ACTED_ON = ConcurrentHashMap.newKeySet();
    private static volatile int status = 200;
    private static volatile Duration delay = Duration.ZERO;
    private static HttpServer server;

    /** Every later request is answered after {@code wait} with {@code code}. */
    static void answer(int code, Duration wait) {
        status = code;
        delay = wait;
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/cards/block", BankApiTestServer::block);
        server.start();
        String tenant = DialogServiceTest.TENANT;
        return Map.of("confab.secrets." + tenant + ".BANK_API_URL", "http://127.0.0.1:" + server.getAddress().getPort(),
                "confab.secrets." + tenant + ".BANK_API_TOKEN", TOKEN,
                "dialog.action-hosts." + tenant, "127.0.0.1",
                // A configuration key a bundle used to be able to read; now it resolves nothing.
                "BANK_API_URL", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        server.stop(0);
    }

    private static void block(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        REQUESTS.add(exchange.getRequestHeaders().getFirst("Authorization") + " " + body);
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        KEYS.add(String.valueOf(key));
        try {
            // A slow bank is the behaviour under test (the "one moment" reply), not a way to wait for something.
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (status == 200 && key != null) {
            ACTED_ON.add(key);
        }
        byte[] answer = "{\"reference\": \"BLK-4242\"}".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, status == 200 ? answer.length : -1);
        if (status == 200) {
            exchange.getResponseBody().write(answer);
        }
        exchange.close();
    }
}
