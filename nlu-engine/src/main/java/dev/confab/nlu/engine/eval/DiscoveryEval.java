package dev.confab.nlu.engine.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.confab.nlu.engine.Example;
import dev.confab.nlu.engine.SentenceEncoder;
import dev.confab.nlu.engine.discovery.Discovery;
import dev.confab.nlu.engine.discovery.UtteranceCluster;
import dev.confab.nlu.engine.discovery.UtteranceDiscovery;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code bin/nlu-discover}: clusters the utterances of a jsonl file into candidate intents, with their labels
 * hidden, and, when the file has labels, scores the clusters against them (purity and adjusted Rand index).
 */
public final class DiscoveryEval {

    private static final String USAGE = """
            usage: bin/nlu-discover --in FILE.jsonl [--min-cluster-size 5] [--out FILE.json]
              FILE.jsonl: one {"text": "..."} per line; an "intent" field, when present, is hidden from the
              clustering and only used to score it.
            """;

    private DiscoveryEval() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options;
        try {
            options = Options.parse(args, Map.of("--min-cluster-size", "5"), List.of("--in"), List.of("--out"));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n" + USAGE);
            System.exit(2);
            return;
        }
        List<Example> examples = ExampleFiles.readJsonl(Path.of(options.get("--in")), true);
        List<String> texts = examples.stream().map(Example::text).toList();
        int minClusterSize = Integer.parseInt(options.get("--min-cluster-size"));
        long start = System.nanoTime();
        Discovery discovery = new UtteranceDiscovery(new SentenceEncoder(SentenceEncoder.Kind.ALL_MINILM_L6_V2_Q))
                .discover(texts, minClusterSize, null);
        double seconds = (System.nanoTime() - start) / 1e9;

        Map<String, Object> report = new LinkedHashMap<>();
        report.put("utterances", texts.size());
        report.put("min_cluster_size", minClusterSize);
        report.put("seconds", seconds);
        report.put("clusters", discovery.clusters().size());
        report.put("unclustered", discovery.unclustered());
        if (examples.stream().allMatch(example -> example.intent() != null)) {
            report.putAll(agreement(examples, discovery));
        }
        report.put("candidates", discovery.clusters().stream().map(DiscoveryEval::describe).toList());
        report.forEach((key, value) -> {
            if (!key.equals("candidates")) {
                System.out.printf("%-22s %s%n", key, value instanceof Double d ? String.format("%.4f", d) : value);
            }
        });
        System.out.println("\nlargest clusters (size, suggested name: representative utterances)");
        discovery.clusters().stream().limit(10).forEach(cluster -> System.out.printf("  %3d %-28s %s%n",
                cluster.size(), cluster.suggestedIntent(), cluster.representatives()));
        if (options.containsKey("--out")) {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValue(Path.of(options.get("--out")).toFile(), report);
            System.out.println("\nwrote " + options.get("--out"));
        }
    }

    /**
     * Purity and ARI over the clustered utterances, and ARI over all of them with every unclustered utterance a
     * cluster of its own (what a designer gets if they treat leftovers one by one).
     */
    private static Map<String, Object> agreement(List<Example> examples, Discovery discovery) {
        List<Integer> assignment = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            assignment.add(-1 - i);
        }
        for (int c = 0; c < discovery.clusters().size(); c++) {
            for (int member : discovery.clusters().get(c).members()) {
                assignment.set(member, c);
            }
        }
        List<String> clusteredLabels = new ArrayList<>();
        List<Integer> clusteredIds = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            if (assignment.get(i) >= 0) {
                clusteredLabels.add(examples.get(i).intent());
                clusteredIds.add(assignment.get(i));
            }
        }
        List<String> labels = examples.stream().map(Example::intent).toList();
        Map<String, Object> scores = new LinkedHashMap<>();
        scores.put("clustered_share", clusteredLabels.size() / (double) examples.size());
        scores.put("purity", ClusterAgreement.purity(clusteredLabels, clusteredIds));
        scores.put("ari_clustered", ClusterAgreement.adjustedRandIndex(clusteredLabels, clusteredIds));
        scores.put("ari_all", ClusterAgreement.adjustedRandIndex(labels, assignment));
        return scores;
    }

    private static Map<String, Object> describe(UtteranceCluster cluster) {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("size", cluster.size());
        described.put("suggested_intent", cluster.suggestedIntent());
        described.put("keywords", cluster.keywords());
        described.put("representatives", cluster.representatives());
        return described;
    }
}
