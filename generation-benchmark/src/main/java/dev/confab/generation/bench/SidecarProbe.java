package dev.confab.generation.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/** Streams chats straight from the sidecar, as a client of Ollama would: the baseline. */
final class SidecarProbe {

    private static final String CHAT = "{\"model\":\"bench\",\"stream\":true,\"messages\":[{\"role\":\"user\","
            + "\"content\":\"Do new cards cost anything?\"}]}";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI chat;

    SidecarProbe(String baseUrl) {
        this.chat = URI.create(baseUrl + "/api/chat");
    }

    /** {@code streams} chats at once; the timing of each. */
    List<StreamTiming> run(int streams) throws Exception {
        ExecutorService readers = Executors.newFixedThreadPool(streams);
        try {
            List<Future<StreamTiming>> running = new ArrayList<>();
            for (int i = 0; i < streams; i++) {
                running.add(readers.submit(this::stream));
            }
            List<StreamTiming> timings = new ArrayList<>();
            for (Future<StreamTiming> timing : running) {
                timings.add(timing.get());
            }
            return timings;
        } finally {
            readers.shutdownNow();
        }
    }

    private StreamTiming stream() {
        HttpRequest request = HttpRequest.newBuilder(chat).POST(HttpRequest.BodyPublishers.ofString(CHAT)).build();
        long requested = System.nanoTime();
        try (Stream<String> lines = http.send(request, HttpResponse.BodyHandlers.ofLines()).body()) {
            long first = 0;
            long last = 0;
            int tokens = 0;
            for (Iterator<String> line = lines.iterator(); line.hasNext(); ) {
                if (line.next().contains("\"done\":true")) {
                    break;
                }
                last = System.nanoTime();
                first = first == 0 ? last : first;
                tokens++;
            }
            return new StreamTiming(requested, first, last, tokens);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
