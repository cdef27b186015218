package dev.confab.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A server-sent event stream read as it arrives, for tests that act while a stream is open (resume it elsewhere,
 * drop it mid-turn); comments (heartbeats) are counted, so a test can tell the server has the stream open.
 */
public final class LiveSseStream implements AutoCloseable {

    private final HttpResponse<InputStream> response;
    private final BlockingQueue<SseStream.Event> events = new LinkedBlockingQueue<>();
    private final AtomicInteger comments = new AtomicInteger();
    private final Thread reader;

    private LiveSseStream(HttpResponse<InputStream> response) {
        this.response = response;
        this.reader = new Thread(this::read, "sse-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Sends the request and starts reading its response body. */
    public static LiveSseStream open(HttpRequest request) {
        try {
            return new LiveSseStream(HttpClient.newHttpClient().send(request,
                    HttpResponse.BodyHandlers.ofInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public int status() {
        return response.statusCode();
    }

    /** Comment lines read so far (heartbeats). */
    public int comments() {
        return comments.get();
    }

    /** The events up to and including the first that matches {@code last}. */
    public List<SseStream.Event> until(Predicate<SseStream.Event> last, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<SseStream.Event> read = new ArrayList<>();
        while (read.isEmpty() || !last.test(read.get(read.size() - 1))) {
            read.add(next(Duration.ofNanos(Math.max(0, deadline - System.nanoTime()))));
        }
        return read;
    }

    /** The next event; fails the test when none comes in time. */
    public SseStream.Event next(Duration timeout) {
        try {
            SseStream.Event event = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (event == null) {
                throw new AssertionError("No server-sent event within " + timeout);
            }
            return event;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        response.body().close();
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            StringBuilder block = new StringBuilder();
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith(":")) {
                    comments.incrementAndGet();
                } else if (line.isEmpty()) {
                    events.addAll(SseStream.parse(block.toString()).events());
                    block.setLength(0);
                } else {
                    block.append(line).append('\n');
                }
            }
        } catch (IOException closed) {
            // The test closed the stream.
        }
    }
}
