package dev.confab.nlu.engine.discovery;

import dev.confab.nlu.engine.IntentClassifier;
import dev.confab.nlu.engine.IntentPrediction;
import dev.confab.nlu.engine.SentenceEncoder;
import dev.confab.nlu.engine.Vectors;
import org.tribuo.MutableDataset;
import org.tribuo.clustering.ClusterID;
import org.tribuo.clustering.ClusteringFactory;
import org.tribuo.clustering.hdbscan.HdbscanTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.distance.CosineDistance;
import org.tribuo.math.neighbour.NeighboursQueryFactoryType;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import dev.confab.nlu.engine.Vectors;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Finds candidate intents in unlabelled utterances: HDBSCAN (Tribuo) over sentence embeddings with cosine distance,
 * which also leaves out utterances that belong to no group instead of forcing them into one. Each cluster gets its
 * most typical utterances, its keywords, a suggested intent name and, when an assistant's classifier is given,
 * whether it is a new intent or more data for an existing one. HDBSCAN finds clusters against a background, so
 * utterances that all say one thing come back unclustered: discovery is for a mixture.
 */
public final class UtteranceDiscovery {

    private static final int REPRESENTATIVES = 3;
    private static final int KEYWORDS = 5;
    /** Members that must agree on one confidently classified intent for a cluster to be "more of" that intent. */
    private static final double EXISTING_AGREEMENT = 0.6;
    /** One thread: a discovery runs next to live traffic and must not take every core from it. */
    private static final int THREADS = 1;
    /** Tribuo's label for utterances HDBSCAN leaves unclustered. */
    private static final int NOISE = 0;

    private final SentenceEncoder encoder;

    public UtteranceDiscovery(SentenceEncoder encoder) {
        this.encoder = encoder;
    }

    /**
     * @param minClusterSize the fewest utterances that make a cluster
     * @param classifier     the assistant's classifier (with the same encoder), or null to report every cluster as
     *                       a new intent
     * @return clusters, largest first
     */
    public Discovery discover(List<String> utterances, int minClusterSize, IntentClassifier classifier) {
        if (classifier != null && classifier.encoderKind() != encoder.kind()) {
            throw new IllegalArgumentException("The classifier encodes with " + classifier.encoderKind()
                    + ", discovery with " + encoder.kind());
        }
        if (utterances.size() < minClusterSize) {
            return new Discovery(List.of(), utterances.size());
        }
        float[][] vectors = encoder.encodeAll(utterances);
        List<Integer> labels = cluster(vectors, minClusterSize);
        Map<Integer, List<Integer>> byLabel = new TreeMap<>();
        for (int i = 0; i < labels.size(); i++) {
            if (labels.get(i) != NOISE) {
                byLabel.computeIfAbsent(labels.get(i), label -> new ArrayList<>()).add(i);
            }
        }
        List<List<Integer>> groups = new ArrayList<>(byLabel.values());
        List<List<String>> keywords = Keywords.of(groups.stream()
                .map(members -> members.stream().map(utterances::get).toList())
                .toList(), KEYWORDS);
        List<UtteranceCluster> clusters = new ArrayList<>();
        for (int c = 0; c < groups.size(); c++) {
            List<Integer> members = groups.get(c);
            Map.Entry<String, Double> existing = existingIntent(members, vectors, utterances, classifier);
            clusters.add(new UtteranceCluster(members, representatives(members, vectors, utterances),
                    keywords.get(c), suggestedName(keywords.get(c)), existing.getKey(), existing.getValue()));
        }
        clusters.sort(Comparator.comparingInt(UtteranceCluster::size).reversed());
        int unclustered = (int) labels.stream().filter(label -> label == NOISE).count();
        return new Discovery(clusters, unclustered);
    }

    private static List<Integer> cluster(float[][] vectors, int minClusterSize) {
        ClusteringFactory factory = new ClusteringFactory();
        MutableDataset<ClusterID> dataset = new MutableDataset<>(
                new SimpleDataSourceProvenance("utterances", factory), factory);
        String[] dimensions = IntStream.range(0, vectors[0].length).mapToObj(d -> String.format("d%03d", d))
                .toArray(String[]::new);
        for (float[] vector : vectors) {
            double[] values = new double[vector.length];
            for (int d = 0; d < vector.length; d++) {
                values[d] = vector[d];
            }
            dataset.add(new ArrayExample<>(factory.getUnknownOutput(), dimensions, values));
        }
        // k = minClusterSize: a point's core distance is measured over as many neighbours as make a cluster.
        HdbscanTrainer trainer = new HdbscanTrainer(minClusterSize, new CosineDistance(), minClusterSize,
                THREADS, NeighboursQueryFactoryType.BRUTE_FORCE);
        return trainer.train(dataset).getClusterLabels();
    }

    /** The members closest to the cluster's mean embedding. */
    private static List<String> representatives(List<Integer> members, float[][] vectors, List<String> utterances) {
        float[] centre = new float[vectors[0].length];
        members.forEach(i -> {
            for (int d = 0; d < centre.length; d++) {
                centre[d] += vectors[i][d];
            }
        });
        return members.stream()
                .sorted(Comparator.comparingDouble((Integer i) -> Vectors.dot(vectors[i], centre)).reversed())
                .limit(REPRESENTATIVES)
                .map(utterances::get)
                .toList();
    }

    /**
     * The intent most members were confidently classified as, if enough of them agree; else (null, 0). Classifies
     * the embeddings clustering already computed, so no utterance is encoded twice.
     */
    private static Map.Entry<String, Double> existingIntent(List<Integer> members, float[][] vectors,
                                                            List<String> utterances,
                                                            IntentClassifier classifier) {
        if (classifier == null) {
            return new AbstractMap.SimpleImmutableEntry<>(null, 0.0);
        }
        Map<String, Long> votes = members.stream()
                .map(i -> classifier.classify(utterances.get(i), vectors[i]))
                .filter(prediction -> !prediction.outOfScope())
                .map(IntentPrediction::decision)
                .collect(Collectors.groupingBy(intent -> intent, HashMap::new, Collectors.counting()));
        return votes.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .filter(best -> best.getValue() >= EXISTING_AGREEMENT * members.size())
                .map(best -> Map.entry(best.getKey(), best.getValue() / (double) members.size()))
                .orElse(new AbstractMap.SimpleImmutableEntry<>(null, 0.0));
    }

    private static String suggestedName(List<String> keywords) {
        return keywords.isEmpty() ? "unnamed" : String.join("_", keywords.subList(0, Math.min(2, keywords.size())));
    }
}
