package dev.confab.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.confab.nlu.engine.eval.Options;
import dev.confab.nlu.engine.eval.Percentiles;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * {@code bin/confab-load}: holds M idle SSE streams open on a running gateway while N conversations send turns at a
 * steady rate, then prints throughput, time to the first reply event and to {@code done} (p50/p95/p99), failures,
 * open streams, the gateway's relay percentiles, heap and resident memory, and with the suite's Kafka where each
 * turn's time went, hop by hop.
 */
public final class LoadHarness {

    private static final int FLOOR_RECORDS = 500;

    private LoadHarness() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options;
        try {
            options = Options.parse(args, Map.of("--gateway", "http://localhost:8080", "--idle-streams", "1000",
                            "--conversations", "20", "--rate", "20", "--seconds", "30",
                            "--text", "what is your name", "--crossings", "3"),
                    List.of(), List.of("--api-key", "--gateway-pid", "--bootstrap-servers", "--out"));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: bin/confab-load [--gateway URL] [--api-key KEY] [--idle-streams 1000] "
                    + "[--conversations 20] [--rate 20] [--seconds 30] [--text 'what is your name'] "
                    + "[--gateway-pid PID] [--bootstrap-servers HOST:PORT [--crossings 3]] [--out FILE.json]");
            System.exit(2);
            return;
        }
        Gateway gateway = new Gateway(options.get("--gateway"), Optional.ofNullable(options.get("--api-key")));
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("options", options);
        double heapBefore = gateway.heapBytes();
        // Measured first, on a quiet machine: the least a Kafka crossing can take here.
        Optional<double[]> floor = Optional.ofNullable(options.get("--bootstrap-servers"))
                .map(LoadHarness::measureFloor);
        floor.ifPresent(millis -> report.put("kafka_floor_ms", percentiles(millis)));

        List<HttpResponse<InputStream>> idle = openIdleStreams(gateway, Integer.parseInt(options.get("--idle-streams")));
        report.put("idle_streams_open", idle.size());
        report.put("gateway_heap_mb_before", mb(heapBefore));
        report.put("gateway_heap_mb_with_idle_streams", mb(gateway.heapBytes()));

        int conversations = Integer.parseInt(options.get("--conversations"));
        double rate = Double.parseDouble(options.get("--rate"));
        long seconds = Long.parseLong(options.get("--seconds"));
        List<TurnTiming> timings = Collections.synchronizedList(new ArrayList<>());
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long pace = (long) (conversations / rate * 1e9);
        ExecutorService users = Executors.newFixedThreadPool(conversations);
        long started = System.nanoTime();
        for (int i = 0; i < conversations; i++) {
            users.submit(new Conversation(gateway, options.get("--text"), pace, end, timings));
        }
        users.shutdown();
        users.awaitTermination(seconds + 120, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - started) / 1e9;

        report.put("turns", timings.size());
        report.put("turns_per_second", round(timings.size() / elapsed));
        report.put("failed_turns", timings.stream().filter(TurnTiming::failed).count());
        double[] firstEvents = timings.stream()
                .filter(timing -> !timing.failed())
                .mapToDouble(TurnTiming::firstEventMillis)
                .toArray();
        report.put("first_event_ms", percentiles(firstEvents));
        report.put("done_ms", percentiles(timings.stream().filter(timing -> !timing.failed())
                .mapToDouble(TurnTiming::doneMillis).toArray()));
        report.put("gateway_relay_ms", gateway.relayMillis());
        if (options.containsKey("--bootstrap-servers")) {
            report.put("hops", new HopBreakdown(options.get("--bootstrap-servers")).of(timings));
            report.put("overhead_vs_floor", overheadVersusFloor(firstEvents, floor.orElseThrow(),
                    Integer.parseInt(options.get("--crossings"))));
        }
        report.put("gateway_heap_mb_after", mb(gateway.heapBytes()));
        Optional.ofNullable(options.get("--gateway-pid"))
                .flatMap(LoadHarness::residentMb)
                .ifPresent(rss -> report.put("gateway_rss_mb", rss));
        idle.forEach(stream -> {
            try {
                stream.body().close();
            } catch (Exception closing) {
                // the stream is going away either way
            }
        });

        String json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report);
        System.out.println(json);
        if (options.containsKey("--out")) {
            Files.writeString(Path.of(options.get("--out")), json + "\n");
        }
        System.exit(0);
    }

    private static double[] measureFloor(String bootstrapServers) {
        try {
            return new KafkaFloor(bootstrapServers).measure(FLOOR_RECORDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not measure Kafka's floor at " + bootstrapServers, e);
        }
    }

    /**
     * A turn's time to its first event as a multiple of what its Kafka crossings alone must take: 1.0 would be a
     * platform that adds nothing to the broker.
     */
    static Map<String, Object> overheadVersusFloor(double[] firstEvents, double[] floor, int crossings) {
        Map<String, Double> turn = percentiles(firstEvents);
        Map<String, Double> crossing = percentiles(floor);
        Map<String, Object> ratio = new LinkedHashMap<>();
        ratio.put("crossings", crossings);
        for (String percentile : List.of("p50", "p99")) {
            ratio.put(percentile, round(turn.get(percentile) / (crossings * crossing.get(percentile))));
        }
        return ratio;
    }

    /** Follows M conversations of their own; returns the streams that opened. */
    private static List<HttpResponse<InputStream>> openIdleStreams(Gateway gateway, int count) {
        List<CompletableFuture<HttpResponse<InputStream>>> opening = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            opening.add(gateway.follow("idle-" + UUID.randomUUID()));
        }
        List<HttpResponse<InputStream>> open = new ArrayList<>(count);
        for (CompletableFuture<HttpResponse<InputStream>> stream : opening) {
            try {
                HttpResponse<InputStream> response = stream.get(120, TimeUnit.SECONDS);
                if (response.statusCode() == 200) {
                    open.add(response);
                }
            } catch (Exception failed) {
                // counted as not open
            }
        }
        return open;
    }

    /** The process's resident set size from /proc (Linux). */
    private static Optional<Double> residentMb(String pid) {
        try {
            return Files.readAllLines(Path.of("/proc", pid, "status")).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .map(line -> Double.parseDouble(line.replaceAll("\\D", "")) / 1024)
                    .map(LoadHarness::round)
                    .findFirst();
        } catch (Exception noProc) {
            return Optional.empty();
        }
    }

    static Map<String, Double> percentiles(double[] values) {
        Map<String, Double> figures = new LinkedHashMap<>();
        if (values.length > 0) {
            figures.put("p50", round(Percentiles.of(values, 50)));
            figures.put("p95", round(Percentiles.of(values, 95)));
            figures.put("p99", round(Percentiles.of(values, 99)));
        }
        return figures;
    }

    private static double mb(double bytes) {
        return round(bytes / 1024 / 1024);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
