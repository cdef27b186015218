package dev.confab.generation.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import dev.confab.contracts.Topics;
import dev.confab.nlu.engine.eval.Options;
import dev.confab.nlu.engine.eval.Percentiles;
import dev.confab.testsupport.OllamaProtocolTestServer;
import dev.confab.testsupport.SharedKafka;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code bin/generation-bench}: what generation-service adds to the sidecar's own time to first token and what it
 * keeps of its tokens per second, with many concurrent streams. The sidecar is the Ollama-protocol test server
 * pacing a fixed answer like a model would (a first-token delay, then one token every few milliseconds); the same
 * streams are read straight from it and through generation-service (Kafka in, guardrails, Kafka out).
 */
public final class GenerationBench {

    private GenerationBench() {
    }

    /** Exits when done: the in-process Kafka broker's threads would keep the JVM alive. */
    public static void main(String[] args) {
        try {
            run(args);
            System.exit(0);
        } catch (Exception e) {
            // generation-service's own log is named in the message when it is the service that failed.
            System.err.println("generation-bench failed: " + e);
            System.exit(1);
        }
    }

    private static void run(String[] args) throws Exception {
        Map<String, String> options;
        try {
            options = Options.parse(args, Map.of("--streams", "1,16,64", "--tokens", "64", "--first-token-ms", "100",
                    "--token-ms", "15", "--rounds", "3", "--root", "."), List.of(), List.of("--out"));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: bin/generation-bench [--streams 1,16,64] [--tokens 64] [--first-token-ms 100] "
                    + "[--token-ms 15] [--rounds 3] [--out FILE.json]");
            System.exit(2);
            return;
        }
        int[] concurrency = Arrays.stream(options.get("--streams").split(",")).mapToInt(Integer::parseInt).toArray();
        int rounds = Integer.parseInt(options.get("--rounds"));
        String passage = "A replacement card is free once a year and a new card arrives within five working days.";
        OllamaProtocolTestServer sidecar = OllamaProtocolTestServer.start();
        sidecar.replyWith(answer(passage, Integer.parseInt(options.get("--tokens"))));
        sidecar.delayFirstToken(Duration.ofMillis(Long.parseLong(options.get("--first-token-ms"))));
        sidecar.delayEachToken(Duration.ofMillis(Long.parseLong(options.get("--token-ms"))));
        String kafka = SharedKafka.bootstrapServers();
        createTopics(kafka);
        Path log = Files.createTempFile("generation-bench", ".log");
        int most = Arrays.stream(concurrency).max().orElse(1);

        Map<String, Object> report = new LinkedHashMap<>();
        report.put("sidecar", Map.of("tokens", Integer.parseInt(options.get("--tokens")),
                "first_token_ms", Long.parseLong(options.get("--first-token-ms")),
                "token_ms", Long.parseLong(options.get("--token-ms"))));
        try (GenerationProcess service = GenerationProcess.start(Path.of(options.get("--root")), kafka,
                sidecar.baseUrl(), most, log);
             ServiceProbe through = new ServiceProbe(kafka, passage)) {
            SidecarProbe direct = new SidecarProbe(sidecar.baseUrl());
            // Warm-up: JIT, connection pools, the encoder, and every request partition (the first record a
            // partition hands the service after it started took a second: a cold start, not steady state).
            for (int i = 0; i < 3; i++) {
                direct.run(8);
                through.run(8);
            }
            through.internalFirstTokenMillis();
            through.kafkaOutMillis();
            Map<String, Object> byConcurrency = new LinkedHashMap<>();
            for (int streams : concurrency) {
                List<StreamTiming> straight = new ArrayList<>();
                List<StreamTiming> served = new ArrayList<>();
                for (int round = 0; round < rounds; round++) {
                    straight.addAll(direct.run(streams));
                    served.addAll(through.run(streams));
                }
                Map<String, Object> figures = compare(straight, served);
                figures.put("first_token_ms_inside_generation", percentiles(through.internalFirstTokenMillis()));
                figures.put("first_token_kafka_out_ms", percentiles(through.kafkaOutMillis()));
                byConcurrency.put(Integer.toString(streams), figures);
            }
            report.put("concurrent_streams", byConcurrency);
            report.put("fallbacks", through.fallbacks());
        } finally {
            sidecar.close();
        }
        String json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report);
        System.out.println(json);
        if (options.containsKey("--out")) {
            Files.writeString(Path.of(options.get("--out")), json + "\n");
        }
    }

    /** The topics the benchmark reads and writes, with the local run's three partitions, before anyone uses them. */
    private static void createTopics(String kafka) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka))) {
            admin.createTopics(List.of(Topics.GENERATION_REQUESTS, Topics.CHAT_OUTBOUND, Topics.GENERATION_RESULTS,
                            Topics.CONVERSATION_EVENTS).stream()
                    .map(topic -> new NewTopic(topic, 3, (short) 1))
                    .toList())
                    .all()
                    .get();
        }
    }

    private static Map<String, Object> compare(List<StreamTiming> straight, List<StreamTiming> served) {
        double[] directFirst = straight.stream().mapToDouble(StreamTiming::firstTokenMillis).toArray();
        double[] servedFirst = served.stream().mapToDouble(StreamTiming::firstTokenMillis).toArray();
        double[] directRate = straight.stream().mapToDouble(StreamTiming::tokensPerSecond).toArray();
        double[] servedRate = served.stream().mapToDouble(StreamTiming::tokensPerSecond).toArray();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("streams_measured", served.size());
        figures.put("first_token_ms_sidecar", percentiles(directFirst));
        figures.put("first_token_ms_through_generation", percentiles(servedFirst));
        figures.put("added_first_token_ms_p50", round(added(servedFirst, directFirst, 50)));
        figures.put("added_first_token_ms_p99", round(added(servedFirst, directFirst, 99)));
        figures.put("tokens_per_second_sidecar_p50", round(Percentiles.of(directRate, 50)));
        figures.put("tokens_per_second_through_generation_p50", round(Percentiles.of(servedRate, 50)));
        figures.put("tokens_per_second_ratio", round(Percentiles.of(servedRate, 50) / Percentiles.of(directRate, 50)));
        return figures;
    }

    /** The difference of two percentiles (streams cannot be paired one to one across the two runs). */
    private static double added(double[] served, double[] direct, double percentile) {
        return Percentiles.of(served, percentile) - Percentiles.of(direct, percentile);
    }

    /** An answer made of the passage's words, so the groundedness rail checks it and lets it through. */
    private static List<String> answer(String passage, int tokens) {
        String[] words = passage.split(" ");
        List<String> answer = new ArrayList<>();
        for (int i = 0; i < tokens; i++) {
            String word = words[i % words.length];
            answer.add((i == 0 ? "" : " ") + word);
        }
        answer.set(tokens - 1, answer.get(tokens - 1).replaceAll("[.]?$", "."));
        return answer;
    }

    private static Map<String, Double> percentiles(double[] values) {
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("p50", round(Percentiles.of(values, 50)));
        figures.put("p95", round(Percentiles.of(values, 95)));
        figures.put("p99", round(Percentiles.of(values, 99)));
        return figures;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
