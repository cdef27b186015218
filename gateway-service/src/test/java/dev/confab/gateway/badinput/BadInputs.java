package dev.confab.gateway.badinput;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The corpus of bad requests the gateway must refuse: malformed and mistyped JSON, text that is not text, sizes
 * over every limit, bytes that are not UTF-8, wrong media types, hostile ids, headers and queries, methods and
 * request lines no client should send. Each is a whole HTTP request, as bytes.
 */
final class BadInputs {

    /**
     * One bad request and what it is, for the report.
     *
     * @param notHttp whether the bytes are not an HTTP request at all (a request line or header the codec cannot
     *                parse): the codec refuses those with a bare 400 and closes, since there is no request to
     *                describe in a problem document
     */
    record BadInput(String name, byte[] request, boolean notHttp) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final String JSON = "Content-Type: application/json\r\n";
    private static final AtomicInteger CONVERSATIONS = new AtomicInteger();

    private final List<BadInput> corpus = new ArrayList<>();

    private BadInputs() {
    }

    static List<BadInput> corpus() {
        BadInputs inputs = new BadInputs();
        inputs.malformedJson();
        inputs.mistypedFields();
        inputs.textThatIsNotText();
        inputs.oversized();
        inputs.notUtf8();
        inputs.wrongMediaTypes();
        inputs.hostileConversationIds();
        inputs.hostileHeaders();
        inputs.hostileQueries();
        inputs.wrongMethodsAndRequestLines();
        return List.copyOf(inputs.corpus);
    }

    private void malformedJson() {
        for (String body : List.of("", " ", "{", "}", "[", "{\"text\":}", "{\"text\":\"hi\"", "{\"text\":\"hi\"}}",
                "{\"text\":\"hi\",}", "{text:\"hi\"}", "{'text':'hi'}", "[]", "null", "true", "42", "\"hi\"",
                "{\"text\":\"hi\"} trailing", "{\"text\":\"hi\"}{\"text\":\"hi\"}", "{\"text\":\"\\x41\"}",
                "{\"text\":\"\\u12\"}", "{\"text\":NaN}", "{\"text\":undefined}",
                "{\"text\":\"hi\" \"channel\":\"web\"}",
                "{\"text\":\"line\nbreak\"}", "{\"text\":\"tab\there\"}", "\u0000{\"text\":\"hi\"}",
                "[".repeat(5000) + "]".repeat(5000), "{\"a\":".repeat(3000) + "1" + "}".repeat(3000),
                "{\"text\":\"hi\",\"text\"}", "// comment\n{\"text\":\"hi\"}")) {
            message("malformed JSON " + shorten(body), JSON, body);
        }
    }

    private void mistypedFields() {
        for (String value : List.of("1", "1.5", "true", "[]", "{}", "null", "[\"hi\"]", "{\"text\":\"hi\"}",
                "-0", "1e999")) {
            message("text as " + value, JSON, "{\"text\":" + value + "}");
        }
        for (String value : List.of("1", "[]", "{}", "\"\"", "\"web site\"", "\"" + "c".repeat(129) + "\"",
                "\"<script>\"")) {
            message("channel as " + shorten(value), JSON, "{\"text\":\"hi\",\"channel\":" + value + "}");
        }
        for (String value : List.of("1", "[]", "{}", "\"\"", "\"../admin\"", "\"a b\"", "\"" + "u".repeat(129) + "\"",
                "\"' OR '1'='1\"")) {
            message("userId as " + shorten(value), JSON, "{\"text\":\"hi\",\"userId\":" + value + "}");
        }
    }

    private void textThatIsNotText() {
        for (int c = 0; c < 0x20; c++) {
            if (c != '\t' && c != '\n' && c != '\r') {
                message(String.format("control character U+%04X", c), JSON,
                        String.format("{\"text\":\"card\\u%04Xlost\"}", c));
            }
        }
        message("DELETE character", JSON, "{\"text\":\"card\\u007Flost\"}");
        for (String surrogate : List.of("\\uD800", "\\uDBFF", "\\uDC00", "\\uDFFF", "a\\uD800b", "\\uDC00\\uD800",
                "\\uD83D")) {
            message("lone surrogate " + surrogate, JSON, "{\"text\":\"" + surrogate + "\"}");
        }
        for (String invisible : List.of("", " ", "\\t\\n", "\\u200B", "\\u200C\\u200D", "\\u2060", "\\uFEFF",
                "\\u00A0", "\\u3000", "\\u2028\\u2029", "\\u180E", "\\u00AD", "\\u202E")) {
            message("nothing visible: '" + invisible + "'", JSON, "{\"text\":\"" + invisible + "\"}");
        }
    }

    private void oversized() {
        message("text of 4,001 characters", JSON, "{\"text\":\"" + "a".repeat(4001) + "\"}");
        message("text of 2,001 emoji (4,002 UTF-16 units)", JSON, "{\"text\":\"" + "\uD83D\uDE00".repeat(2001) + "\"}");
        message("body over 64 KB", JSON, "{\"text\":\"hi\",\"pad\":\"" + "x".repeat(70_000) + "\"}");
        message("body of 1 MB", JSON, "{\"text\":\"" + "x".repeat(1_000_000) + "\"}");
        message("unknown field of 60 KB", JSON, "{\"text\":\"\",\"pad\":\"" + "x".repeat(60_000) + "\"}");
        add("header of 30 KB", RawHttp.request("POST", messages(), JSON + "X-Padding: " + "p".repeat(30_000) + "\r\n",
                utf8("{\"text\":\"hi\"}")));
        add("request line of 10 KB", RawHttp.request("GET", "/v1/conversations/" + "c".repeat(10_000) + "/messages",
                "", null));
        add("200 headers", RawHttp.request("POST", messages(), JSON + "X-Many: header\r\n".repeat(200) + "X-Big: "
                + "b".repeat(200) + "\r\n", utf8("{\"text\":\"\"}")));
    }

    private void notUtf8() {
        byte[][] bodies = {
            bytes("{\"text\":\"caf", 0xE9, "\"}"),                     // Latin-1 é
            bytes("{\"text\":\"", 0xC3, 0x28, "\"}"),                  // a lead byte with no continuation
            bytes("{\"text\":\"", 0xC0, 0xAF, "\"}"),                  // overlong '/'
            bytes("{\"text\":\"", 0xED, 0xA0, 0x80, "\"}"),            // a surrogate, encoded
            bytes("{\"text\":\"", 0xFF, 0xFE, "\"}"),
            bytes("{\"text\":\"hi", 0xE2, 0x82, "\"}"),                // a sequence cut short
            bytes("{\"text\":\"", 0xF8, 0x88, 0x80, 0x80, 0x80, "\"}"), // five bytes: not UTF-8 at all
        };
        for (byte[] body : bodies) {
            message("not UTF-8 #" + (corpus.size() + 1), JSON, body);
        }
        message("UTF-16LE with BOM", JSON, withBom(new byte[] {(byte) 0xFF, (byte) 0xFE},
                "{\"text\":\"hi\"}".getBytes(StandardCharsets.UTF_16LE)));
        message("UTF-16BE", JSON, "{\"text\":\"hi\"}".getBytes(StandardCharsets.UTF_16BE));
        message("UTF-32", JSON, "{\"text\":\"hi\"}".getBytes(java.nio.charset.Charset.forName("UTF-32")));
    }

    private void wrongMediaTypes() {
        for (String type : List.of("", "text/plain", "application/xml", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x", "application/jsonx", "*/*", "application/json; charset=UTF-16",
                "application/json; charset=nonsense", "json")) {
            message("Content-Type '" + type + "'", type.isEmpty() ? "" : "Content-Type: " + type + "\r\n",
                    "{\"text\":\"I lost my card\"}");
        }
    }

    private void hostileConversationIds() {
        for (String id : List.of("..", "%2e%2e", "a%2Fb", "a%00b", "a%0d%0aSet-Cookie:x", "c".repeat(129),
                "%3Cscript%3E",
                "'%20OR%20'1'='1", "a%20b", "caf%C3%A9", "%F0%9F%98%80", "a*b", "a$b", "%25", "a;jsessionid=x",
                "a%FFb", "%C0%AF", "a~b", "a!b", "a,b")) {
            add("conversation id '" + shorten(id) + "'", RawHttp.request("POST",
                    "/v1/conversations/" + id + "/messages", JSON, utf8("{\"text\":\"I lost my card\"}")));
            add("stream of conversation id '" + shorten(id) + "'",
                    RawHttp.request("GET", "/v1/conversations/" + id + "/stream", "", null));
        }
    }

    private void hostileHeaders() {
        addNotHttp("Idempotency-Key with a control byte", RawHttp.request("POST", messages(),
                JSON + "Idempotency-Key: a\u0001b\r\n", utf8("{\"text\":\"I lost my card\"}")));
        for (String key : List.of("k".repeat(129), "a b", "a/b", "caf\u00e9", "<script>", "../x")) {
            add("Idempotency-Key '" + shorten(key) + "'", RawHttp.request("POST", messages(),
                    JSON + "Idempotency-Key: " + key + "\r\n", utf8("{\"text\":\"I lost my card\"}")));
        }
        for (String lastEventId : List.of("abc", "-1", "0-", "-0", "99999999999999999999-1", "1-2-3", "0-abc",
                "e".repeat(500), "999-0")) {
            add("Last-Event-ID '" + shorten(lastEventId) + "'", RawHttp.request("GET",
                    "/v1/conversations/" + conversation() + "/stream", "Last-Event-ID: " + lastEventId + "\r\n", null));
        }
        for (String authorization : List.of("Bearer cfk.x.y", "Bearer " + "z".repeat(5000), "Basic dXNlcjpwYXNz",
                "Bearer cfk.abcdefgh." + "A".repeat(43))) {
            add("Authorization '" + shorten(authorization) + "'", RawHttp.request("POST", messages(),
                    JSON + "Authorization: " + authorization + "\r\n", utf8("{\"text\":\"I lost my card\"}")));
        }
        add("Content-Length and chunked at once", bytes("POST " + messages() + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\n" + JSON + "Content-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "0\r\n\r\n"));
        addNotHttp("chunk size that is not hex", bytes("POST " + messages() + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\n" + JSON + "Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n"));
    }

    private void hostileQueries() {
        for (String limit : List.of("-1", "0", "abc", "99999999999", "1e3", "1%00", "%FF", "1.5")) {
            add("history limit '" + limit + "'", RawHttp.request("GET", "/v1/conversations/" + conversation()
                    + "/messages?limit=" + limit, "", null));
        }
    }

    private void wrongMethodsAndRequestLines() {
        for (String method : List.of("PUT", "DELETE", "PATCH")) {
            add(method + " on messages", RawHttp.request(method, messages(), JSON, utf8("{\"text\":\"hi\"}")));
        }
        add("GET on feedback", RawHttp.request("GET", "/v1/conversations/" + conversation() + "/feedback", "", null));
        add("feedback with csat 6", RawHttp.request("POST", "/v1/conversations/" + conversation() + "/feedback",
                JSON, utf8("{\"csat\":6}")));
        add("feedback with nothing", RawHttp.request("POST", "/v1/conversations/" + conversation() + "/feedback",
                JSON, utf8("{}")));
        add("end with a reason of 10 KB", RawHttp.request("POST", "/v1/conversations/" + conversation() + "/end",
                JSON, utf8("{\"reason\":\"" + "r".repeat(10_000) + "\"}")));
        addNotHttp("garbage request line", bytes("HELLO\r\n\r\n"));
        add("HTTP/1.1 without Host", bytes("GET /v1/conversations/" + conversation() + "/messages HTTP/1.1\r\n"
                + "Connection: close\r\n\r\n"));
        addNotHttp("a header without a colon", bytes("GET /v1/conversations/" + conversation()
                + "/messages HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nNoColonHere\r\n\r\n"));
        add("an unknown path under /v1", RawHttp.request("GET", "/v1/nothing-here", "", null));
    }

    private void message(String name, String headers, String body) {
        message(name, headers, utf8(body));
    }

    private void message(String name, String headers, byte[] body) {
        add(name, RawHttp.request("POST", messages(), headers, body));
    }

    private void add(String name, byte[] request) {
        corpus.add(new BadInput(name, request, false));
    }

    private void addNotHttp(String name, byte[] request) {
        corpus.add(new BadInput(name, request, true));
    }

    /** A conversation of its own for each request, so nothing one request does can excuse another. */
    private static String messages() {
        return "/v1/conversations/" + conversation() + "/messages";
    }

    private static String conversation() {
        return "bad-" + CONVERSATIONS.incrementAndGet();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(Object... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof String text) {
                out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
            } else {
                out.write((Integer) part);
            }
        }
        return out.toByteArray();
    }

    private static byte[] withBom(byte[] bom, byte[] body) {
        byte[] joined = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, joined, 0, bom.length);
        System.arraycopy(body, 0, joined, bom.length, body.length);
        return joined;
    }

    private static String shorten(String text) {
        return text.length() > 24 ? text.substring(0, 20) + "…(" + text.length() + ")" : text;
    }
}
