package dev.confab.nlu.engine;

import de.bwaldvogel.liblinear.Feature;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Classifies utterances into the intents of its training examples, with calibrated confidences, an out-of-scope
 * decision and an ambiguity flag. The head reads the sentence embedding and lexical features of the utterance with
 * its typing slips mended. Confidences and out-of-scope thresholds are calibrated on out-of-fold predictions over
 * the training examples (with any {@code oos} examples), then the head is refitted on all of them. An utterance is
 * out of scope when its best intent is not confident enough or when it lies too far from that intent's examples
 * (cosine similarity to the nearest of them): a confident SVM score alone does not say the utterance is anywhere near
 * what the assistant was taught.
 */
public final class IntentClassifier {

    /**
     * Fewer calibration utterances than this cannot support a fitted temperature: on a handful of examples the fit
     * drives the temperature to its floor and every confidence to 1.0, so the SVM's own margins are kept (T = 1).
     */
    static final int MIN_CALIBRATION_UTTERANCES = 30;

    /** What {@link #write} writes first; a change to what it writes is a new format. */
    private static final String FORMAT = "confab-intent-classifier/2";

    private final SentenceEncoder encoder;
    private final Spelling spelling;
    private final IntentFeatures features;
    private final LinearHead head;
    private final List<String> intents;
    private final double temperature;
    private final Neighbourhoods taught;
    private final OutOfScopeRule outOfScope;
    private final ClassifierSettings settings;
    private final String version;

    private IntentClassifier(SentenceEncoder encoder, Spelling spelling, IntentFeatures features, LinearHead head,
                             List<String> intents, double temperature, Neighbourhoods taught,
                             OutOfScopeRule outOfScope, ClassifierSettings settings, String version) {
        this.encoder = encoder;
        this.spelling = spelling;
        this.features = features;
        this.head = head;
        this.intents = intents;
        this.temperature = temperature;
        this.taught = taught;
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
        List<String> texts = inScope.stream().map(Example::text).toList();
        float[][] vectors = encoder.encodeAll(texts);
        int[] classes = inScope.stream().mapToInt(example -> classOf.get(example.intent())).toArray();
        List<String> oosTexts = examples.stream().filter(example -> !example.inScope()).map(Example::text).toList();
        float[][] oosVectors = oosTexts.isEmpty() ? new float[0][] : encoder.encodeAll(oosTexts);

        IntentFeatures features = IntentFeatures.learn(texts, vectors[0].length, settings.lexicalWeight());
        Feature[][] rows = features.rows(texts, vectors);
        OutOfFold calibration = OutOfFold.score(rows, vectors, classes, intents.size(),
                features.rows(oosTexts, oosVectors), oosVectors, features.count(), settings);
        double temperature = calibration.temperature(MIN_CALIBRATION_UTTERANCES);
        OutOfScopeRule rule = OutOfScopeRule.learn(calibration.inScope(temperature),
                calibration.outOfScope(temperature), intents, settings);

        LinearHead head = LinearHead.train(rows, features.count(), classes, settings.cost());
        Spelling spelling = settings.mendTypos()
                ? Spelling.learn(examples.stream().map(Example::text).toList(), encoder.wholeWords())
                : null;
        return new IntentClassifier(encoder, spelling, features, head, intents, temperature,
                Neighbourhoods.of(vectors, classes, intents.size()), rule, settings, version(examples, encoder, settings));
    }

    public IntentPrediction classify(String text) {
        String mended = mended(text);
        IntentPrediction whole = classify(mended, encoder.encode(mended));
        return new IntentPrediction(whole.ranking(), whole.outOfScope(), whole.ambiguous(),
                parts(text, whole.ranking()), whole.embedding());
    }

    /**
     * Classifies an utterance already encoded by this classifier's encoder ({@link #encoderKind()}), without looking
     * for several requests in it: for callers that encode many utterances at once.
     */
    public IntentPrediction classify(String text, float[] vector) {
        double[] probabilities = Calibration.softmax(head.scores(features.row(text, vector)), temperature);
        List<IntentScore> ranking = IntStream.range(0, probabilities.length).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> probabilities[i]).reversed())
                .limit(settings.topK())
                .map(i -> new IntentScore(intents.get(i), probabilities[i]))
                .toList();
        int best = Vectors.argmax(probabilities);
        boolean outOfScope = this.outOfScope.rejects(best, probabilities[best], taught.nearness(vector, best));
        boolean ambiguous = !outOfScope && ranking.size() > 1
                && ranking.get(0).confidence() - ranking.get(1).confidence() < settings.ambiguityMargin();
        return new IntentPrediction(ranking, outOfScope, ambiguous, List.of(), vector);
    }

    public SentenceEncoder.Kind encoderKind() {
        return encoder.kind();
    }

    /**
     * Classifies each clause of a multi-clause utterance; it carries several requests when at least two clauses are
     * confident about different intents that the whole utterance also ranks (among its top K). Neighbouring clauses
     * with the same intent are one request. Clauses skip the nearness test: fragments such as "order a new one" lean
     * on the other clause for their subject and sit far from every intent's examples.
     */
    private List<IntentSpan> parts(String text, List<IntentScore> ranking) {
        // The whole utterance's second confidence is no gate: a sharp head gives "I lost my card and I also need to
        // change my PIN" 0.98 for the PIN and 0.02 for the card, yet both are asked for.
        List<int[]> clauses = Clauses.split(text);
        if (clauses.size() < 2) {
            return List.of();
        }
        // Clauses are mended one by one, so their spans stay those of the text the customer wrote.
        List<String> clauseTexts = clauses.stream().map(span -> mended(text.substring(span[0], span[1]))).toList();
        float[][] vectors = encoder.encodeAll(clauseTexts);
        List<IntentSpan> parts = new ArrayList<>();
        for (int i = 0; i < vectors.length; i++) {
            double[] probabilities = Calibration.softmax(head.scores(features.row(clauseTexts.get(i), vectors[i])),
                    temperature);
            int best = Vectors.argmax(probabilities);
            String intent = intents.get(best);
            boolean rankedByWhole = ranking.stream().anyMatch(score -> score.intent().equals(intent));
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

    private String mended(String text) {
        return spelling == null ? text : spelling.correct(text);
    }

    /**
     * Writes the trained model (not the encoder, which is shared and fixed by its kind); {@link #read} with an
     * encoder of the same kind gives a classifier that predicts exactly as this one.
     */
    public void write(ModelOutput out) throws IOException {
        out.writeString(FORMAT);
        out.writeString(encoder.kind().id());
        out.writeString(version);
        out.writeStrings(intents);
        out.writeDouble(temperature);
        settings.write(out);
        features.write(out);
        head.write(out);
        taught.write(out);
        outOfScope.write(out);
        out.writeBoolean(spelling != null);
        if (spelling != null) {
            spelling.write(out);
        }
    }

    /** @throws IOException when the stream is not a model of this format or was trained with another encoder */
    public static IntentClassifier read(ModelInput in, SentenceEncoder encoder) throws IOException {
        String format = in.readString();
        String encoderId = in.readString();
        if (!FORMAT.equals(format) || !encoder.kind().id().equals(encoderId)) {
            throw new IOException("Not a " + FORMAT + " model for " + encoder.kind().id() + ": " + format + ", "
                    + encoderId);
        }
        String version = in.readString();
        List<String> intents = in.readStrings();
        double temperature = in.readDouble();
        ClassifierSettings settings = ClassifierSettings.read(in);
        IntentFeatures features = IntentFeatures.read(in);
        LinearHead head = LinearHead.read(in);
        Neighbourhoods taught = Neighbourhoods.read(in);
        OutOfScopeRule outOfScope = OutOfScopeRule.read(in);
        Spelling spelling = in.readBoolean() ? Spelling.read(in, encoder.wholeWords()) : null;
        return new IntentClassifier(encoder, spelling, features, head, intents, temperature, taught, outOfScope,
                settings, version);
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

    /** The similarity to its intent's nearest example below which an utterance is out of scope ({@code -1}: none). */
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
