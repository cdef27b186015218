package dev.confab.nlu.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Classifies utterances into the intents of its training examples, with calibrated confidences, an out-of-scope
 * decision and an ambiguity flag. Training holds out a slice of every intent to calibrate the confidences and the
 * out-of-scope thresholds (together with any {@code oos} examples), then refits on all in-scope examples. An
 * utterance is out of scope when its best intent is not confident enough or when it lies too far from that
 * intent's examples (cosine similarity to their centroid): a confident SVM score alone does not say the
 * utterance is anywhere near what the assistant was taught.
 */
public final class IntentClassifier {

    /**
     * Fewer held-out utterances than this cannot support a fitted temperature: on a handful of examples the fit
     * drives the temperature to its floor and every confidence to 1.0, so the SVM's own margins are kept (T = 1).
     */
    static final int MIN_CALIBRATION_UTTERANCES = 30;
    /** A clause's intent must be among this many best of the whole utterance to count as one of its requests. */
    private static final int MULTI_INTENT_RANKS = 3;
    /** The second intent of the whole utterance must reach this confidence before clauses are looked at. */
    private static final double MULTI_INTENT_SECOND_CONFIDENCE = 0.1;

    private final SentenceEncoder encoder;
    private final LinearHead head;
    private final List<String> intents;
    private final double temperature;
    private final float[][] centroids;
    private final OutOfScopeRule outOfScope;
    private final ClassifierSettings settings;
    private final String version;

    private IntentClassifier(SentenceEncoder encoder, LinearHead head, List<String> intents, double temperature,
                             float[][] centroids, OutOfScopeRule outOfScope, ClassifierSettings settings,
                             String version) {
        this.encoder = encoder;
        this.head = head;
        this.intents = intents;
        this.temperature = temperature;
        this.centroids = centroids;
        this.outOfScope = outOfScope;
        this.settings = settings;
        this.version = version;
    }

    public static IntentClassifier train(List<Example> examples, SentenceEncoder encoder, ClassifierSettings settings) {
        List<Example> inScope = examples.stream().filter(Example::inScope).toList();
        List<String> intents = inScope.stream().map(Example::intent).distinct().sorted().toList();
        if (intents.size() < 2) {
            throw new IllegalArgumentException("Training needs at least two intents, found " + intents);
        }
        Map<String, Integer> classOf = IntStream.range(0, intents.size()).boxed()
                .collect(Collectors.toMap(intents::get, Function.identity()));
        float[][] vectors = encoder.encodeAll(inScope.stream().map(Example::text).toList());
        int[] classes = inScope.stream().mapToInt(example -> classOf.get(example.intent())).toArray();
        List<String> oosTexts = examples.stream().filter(example -> !example.inScope()).map(Example::text).toList();
        float[][] oosVectors = oosTexts.isEmpty() ? new float[0][] : encoder.encodeAll(oosTexts);

        boolean[] heldOut = holdout(classes, settings);
        LinearHead probe = LinearHead.train(select(vectors, heldOut, false), select(classes, heldOut, false),
                settings.cost());
        double[][] holdoutScores = scores(probe, select(vectors, heldOut, true));
        int[] holdoutClasses = select(classes, heldOut, true);
        double temperature = holdoutClasses.length >= MIN_CALIBRATION_UTTERANCES
                ? Calibration.temperature(holdoutScores, holdoutClasses)
                : 1.0;

        float[][] fitCentroids = centroids(select(vectors, heldOut, false), select(classes, heldOut, false),
                intents.size());
        Decisions inScopeDecisions = decide(probe, temperature, fitCentroids, select(vectors, heldOut, true),
                holdoutClasses);
        Decisions oosDecisions = decide(probe, temperature, fitCentroids, oosVectors, null);
        OutOfScopeRule rule = OutOfScopeRule.learn(inScopeDecisions, oosDecisions, intents, settings);

        LinearHead head = holdoutClasses.length == 0 ? probe : LinearHead.train(vectors, classes, settings.cost());
        return new IntentClassifier(encoder, head, intents, temperature, centroids(vectors, classes, intents.size()),
                rule, settings, version(examples, encoder, settings));
    }

    public IntentPrediction classify(String text) {
        IntentPrediction whole = classify(encoder.encode(text));
        return new IntentPrediction(whole.ranking(), whole.outOfScope(), whole.ambiguous(),
                parts(text, whole.ranking()));
    }

    /**
     * Classifies an utterance already encoded by this classifier's encoder ({@link #encoderKind()}), without looking
     * for several requests in it: for callers that encode many utterances at once.
     */
    public IntentPrediction classify(float[] vector) {
        double[] probabilities = Calibration.softmax(head.scores(vector), temperature);
        List<IntentScore> ranking = IntStream.range(0, probabilities.length).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> probabilities[i]).reversed())
                .limit(settings.topK())
                .map(i -> new IntentScore(intents.get(i), probabilities[i]))
                .toList();
        int best = argmax(probabilities);
        boolean outOfScope = this.outOfScope.rejects(best, probabilities[best], Vectors.dot(vector, centroids[best]));
        boolean ambiguous = !outOfScope && ranking.size() > 1
                && ranking.get(0).confidence() - ranking.get(1).confidence() < settings.ambiguityMargin();
        return new IntentPrediction(ranking, outOfScope, ambiguous, List.of());
    }

    public SentenceEncoder.Kind encoderKind() {
        return encoder.kind();
    }

    /**
     * Classifies each clause of a multi-clause utterance; it carries several requests when at least two clauses are
     * confident about different intents that the whole utterance also ranks high. Neighbouring clauses with the same
     * intent are one request. Clauses skip the centroid test: fragments such as "order a new one" lean on the
     * other clause for their subject and sit far from every intent's examples.
     */
    private List<IntentSpan> parts(String text, List<IntentScore> ranking) {
        // Two requests leave two intents in the whole utterance's ranking; without a second contender the clauses
        // need not be encoded (they would double the cost of most utterances with an "and").
        if (ranking.size() < 2 || ranking.get(1).confidence() < MULTI_INTENT_SECOND_CONFIDENCE) {
            return List.of();
        }
        List<int[]> clauses = Clauses.split(text);
        if (clauses.size() < 2) {
            return List.of();
        }
        float[][] vectors = encoder.encodeAll(clauses.stream().map(span -> text.substring(span[0], span[1])).toList());
        List<IntentSpan> parts = new ArrayList<>();
        for (int i = 0; i < vectors.length; i++) {
            double[] probabilities = Calibration.softmax(head.scores(vectors[i]), temperature);
            int best = argmax(probabilities);
            String intent = intents.get(best);
            boolean rankedByWhole = ranking.stream().limit(MULTI_INTENT_RANKS).anyMatch(s -> s.intent().equals(intent));
            if (probabilities[best] < this.outOfScope.of(best).confidence() || !rankedByWhole) {
                continue;
            }
            IntentSpan part = new IntentSpan(intent, probabilities[best], clauses.get(i)[0],
                    clauses.get(i)[1]);
            IntentSpan previous = parts.isEmpty() ? null : parts.get(parts.size() - 1);
            if (previous != null && previous.intent().equals(part.intent())) {
                parts.set(parts.size() - 1, new IntentSpan(part.intent(),
                        Math.max(previous.confidence(), part.confidence()), previous.start(), part.end()));
            } else {
                parts.add(part);
            }
        }
        return parts.stream().map(IntentSpan::intent).distinct().count() >= 2 ? parts : List.of();
    }

    /** The probe's decisions on calibration utterances; {@code classes} null for out-of-scope ones. */
    private static Decisions decide(LinearHead probe, double temperature, float[][] centroids, float[][] vectors,
                                    int[] classes) {
        int[] predicted = new int[vectors.length];
        double[] confidence = new double[vectors.length];
        double[] similarity = new double[vectors.length];
        boolean[] correct = new boolean[vectors.length];
        for (int i = 0; i < vectors.length; i++) {
            double[] probabilities = Calibration.softmax(probe.scores(vectors[i]), temperature);
            predicted[i] = argmax(probabilities);
            confidence[i] = probabilities[predicted[i]];
            similarity[i] = Vectors.dot(vectors[i], centroids[predicted[i]]);
            correct[i] = classes != null && predicted[i] == classes[i];
        }
        return new Decisions(predicted, confidence, similarity, correct);
    }

    /** Identifies the trained model: the same examples, encoder and settings give the same version. */
    public String version() {
        return version;
    }

    public List<String> intents() {
        return intents;
    }

    /** The confidence below which an utterance is out of scope, unless its intent has its own. */
    public double threshold() {
        return outOfScope.global().confidence();
    }

    /** The similarity to its intent's centroid below which an utterance is out of scope ({@code -1}: none). */
    public double similarityThreshold() {
        return outOfScope.global().similarity();
    }

    /** The confidence below which an utterance predicted as this intent is out of scope. */
    public double threshold(String intent) {
        return outOfScope.of(intents.indexOf(intent)).confidence();
    }

    /** How many intents have thresholds of their own, learned or set by a designer. */
    public long intentsWithOwnThresholds() {
        return outOfScope.specificIntents();
    }

    /** Marks, per intent, a repeatable random share of its examples (always leaving at least one to train on). */
    private static boolean[] holdout(int[] classes, ClassifierSettings settings) {
        Map<Integer, List<Integer>> byClass = new TreeMap<>();
        for (int i = 0; i < classes.length; i++) {
            byClass.computeIfAbsent(classes[i], c -> new ArrayList<>()).add(i);
        }
        Random random = new Random(settings.seed());
        boolean[] heldOut = new boolean[classes.length];
        for (List<Integer> members : byClass.values()) {
            Collections.shuffle(members, random);
            long count = Math.min(Math.round(members.size() * settings.holdoutFraction()), members.size() - 1);
            for (int i = 0; i < count; i++) {
                heldOut[members.get(i)] = true;
            }
        }
        return heldOut;
    }

    private static double[][] scores(LinearHead head, float[][] vectors) {
        double[][] scores = new double[vectors.length][];
        for (int i = 0; i < vectors.length; i++) {
            scores[i] = head.scores(vectors[i]);
        }
        return scores;
    }

    private static float[][] select(float[][] rows, boolean[] mask, boolean wanted) {
        return IntStream.range(0, rows.length).filter(i -> mask[i] == wanted).mapToObj(i -> rows[i])
                .toArray(float[][]::new);
    }

    private static int[] select(int[] values, boolean[] mask, boolean wanted) {
        return IntStream.range(0, values.length).filter(i -> mask[i] == wanted).map(i -> values[i]).toArray();
    }

    /** Per class, the normalised mean of its vectors: where the intent's utterances sit in embedding space. */
    private static float[][] centroids(float[][] vectors, int[] classes, int classCount) {
        float[][] centroids = new float[classCount][vectors[0].length];
        for (int i = 0; i < vectors.length; i++) {
            for (int j = 0; j < vectors[i].length; j++) {
                centroids[classes[i]][j] += vectors[i][j];
            }
        }
        for (float[] centroid : centroids) {
            double norm = Math.sqrt(Vectors.dot(centroid, centroid));
            for (int j = 0; j < centroid.length && norm > 0; j++) {
                centroid[j] /= (float) norm;
            }
        }
        return centroids;
    }

    private static int argmax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    private static String version(List<Example> examples, SentenceEncoder encoder, ClassifierSettings settings) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((encoder.kind().id() + "|" + settings).getBytes(StandardCharsets.UTF_8));
            for (Example example : examples) {
                digest.update((example.intent() + "\t" + example.text() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
