package dev.confab.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * A stand-in for a bank's card system, served by the launcher so the sample assistant's {@code block_card} action
 * has something real to call in the local run: it checks the bearer token and the card digits and answers with a
 * block reference, the same reference again for a request whose {@code Idempotency-Key} it has answered (a
 * retried step is not a second block), as a payments API would. It blocks nothing; a real deployment sets the
 * tenant's {@code BANK_API_URL} secret to the bank.
 */
final class SampleBankApi implements AutoCloseable {

    private static final Pattern CARD_DIGITS = Pattern.compile("\"card_last4\"\\s*:\\s*\"[0-9]{4}\"");

    private final HttpServer server;
    private final String token;
    private final SecureRandom random = new SecureRandom();
    /** Reference by idempotency key; the local run lives for hours, not years, so nothing is ever evicted. */
    private final Map<String, String> blocked = new ConcurrentHashMap<>();

    private SampleBankApi(HttpServer server, String token) {
        this.server = server;
        this.token = token;
    }

    static SampleBankApi start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            byte[] secret = new byte[16];
            new SecureRandom().nextBytes(secret);
            SampleBankApi api = new SampleBankApi(server, HexFormat.of().formatHex(secret));
            server.createContext("/cards/block", api::block);
            server.start();
            return api;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the sample bank API", e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    String token() {
        return token;
    }

    private void block(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readNBytes(4096), StandardCharsets.UTF_8);
        int status;
        String answer;
        if (!("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            status = 401;
            answer = "{\"error\": \"unauthorised\"}";
        } else if (!CARD_DIGITS.matcher(body).find()) {
            status = 400;
            answer = "{\"error\": \"card_last4 must be four digits\"}";
        } else {
            status = 200;
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            String reference = key == null
                    ? newReference()
                    : blocked.computeIfAbsent(key, ignored -> newReference());
            answer = "{\"reference\": \"" + reference + "\"}";
        }
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private String newReference() {
        return "BLK-" + (100000 + random.nextInt(900000));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
