package dev.confab.gateway.badinput;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * HTTP/1.1 over a bare socket: the bytes a test writes are the bytes the gateway reads, which no HTTP client library
 * allows for a malformed request line, a raw control byte in a header or a body that is not UTF-8.
 */
final class RawHttp {

    /** What came back: status, the Content-Type header, the body, and how long the whole answer took. */
    record Answer(int status, String contentType, String body, Duration took) {
    }

    private RawHttp() {
    }

    /** Writes the request, then reads until the server closes the connection or the wait runs out. */
    static Answer exchange(int port, byte[] request, Duration wait) {
        long started = System.nanoTime();
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout((int) wait.toMillis());
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            String response = readAll(socket.getInputStream());
            return parse(response, Duration.ofNanos(System.nanoTime() - started));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A request's head, CRLF-terminated, with {@code Connection: close} so the answer ends with the connection. */
    static byte[] request(String method, String target, String headers, byte[] body) {
        String head = method + " " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n" + headers
                + (body == null ? "" : "Content-Length: " + body.length + "\r\n") + "\r\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.getBytes(StandardCharsets.ISO_8859_1));
        if (body != null) {
            out.writeBytes(body);
        }
        return out.toByteArray();
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                read.write(buffer, 0, n);
                String sofar = read.toString(StandardCharsets.ISO_8859_1);
                // An accepted request streams its reply for as long as the turn lasts: its head is answer enough.
                if (sofar.startsWith("HTTP/1.1 2") && sofar.contains("\r\n\r\n")) {
                    break;
                }
            }
        } catch (SocketTimeoutException stillOpen) {
            // An answer that neither ends nor closes is judged by what arrived, and by how long it took.
        }
        return read.toString(StandardCharsets.UTF_8);
    }

    private static Answer parse(String response, Duration took) {
        int headEnd = response.indexOf("\r\n\r\n");
        if (!response.startsWith("HTTP/1.1 ") || headEnd < 0) {
            return new Answer(-1, null, response, took);
        }
        String head = response.substring(0, headEnd);
        String contentType = head.lines()
                .filter(line -> line.toLowerCase(Locale.ROOT).startsWith("content-type:"))
                .map(line -> line.substring(line.indexOf(':') + 1).strip())
                .findFirst()
                .orElse(null);
        return new Answer(Integer.parseInt(head.substring(9, 12)), contentType, response.substring(headEnd + 4), took);
    }
}
