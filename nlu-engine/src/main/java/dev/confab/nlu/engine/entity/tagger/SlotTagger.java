package dev.confab.nlu.engine.entity.tagger;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import dev.confab.nlu.engine.ModelInput;
import dev.confab.nlu.engine.ModelOutput;
import dev.confab.nlu.engine.entity.EntityExtractor;
import dev.confab.nlu.engine.entity.EntityMatch;
import dev.confab.nlu.engine.entity.EntitySource;

import java.io.IOException;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Finds the assistant's own slots ({@code date_from}, {@code company_name}, {@code adults}) by labelling tokens
 * B-slot, I-slot or O with a logistic regression over word, context and system-entity features, trained on the
 * assistant's annotated examples (a maximum-entropy Markov model decoded left to right; the dual solver trains
 * it twice as fast as the primal one at the same F1). System entities are
 * features, not answers: "next week" is a {@code date_period} to the grammar and a {@code date_to} in "from
 * monday to next week"; where a slot covers a system entity, its value is the system entity's normalised one.
 */
public final class SlotTagger implements EntityExtractor {

    private static final String OUTSIDE = "O";
    private static final String START = "<s>";
    /** Regularisation; 0.3 to 10 scored within a point of slot F1 on NLU++ banking. */
    private static final double COST = 1.0;
    private static final double STOPPING_TOLERANCE = 0.01;

    private final Model model;
    /** Label of each class index, in liblinear's column order for probabilities. */
    private final String[] labels;
    private final int[] columnClass;
    private final EntityExtractor system;
    private final WordVectors wordVectors;

    private SlotTagger(Model model, String[] labels, EntityExtractor system, WordVectors wordVectors) {
        this.model = model;
        this.labels = labels;
        this.columnClass = model.getLabels();
        this.system = system;
        this.wordVectors = wordVectors;
    }

    /**
     * @param system finds the entities whose spans become features (and whose values slots take); its reference
     *               time does not matter for training
     * @throws IllegalArgumentException when the examples label no slot at all
     */
    public static SlotTagger train(List<SlotExample> examples, EntityExtractor system, WordVectors wordVectors,
                                   ZonedDateTime reference) {
        TreeSet<String> labelSet = new TreeSet<>(List.of(OUTSIDE));
        examples.forEach(example -> example.slots().forEach(slot -> {
            labelSet.add("B-" + slot.name());
            labelSet.add("I-" + slot.name());
        }));
        if (labelSet.size() == 1) {
            throw new IllegalArgumentException("No example labels a slot: nothing to learn");
        }
        String[] labels = labelSet.toArray(String[]::new);
        List<String> labelList = List.of(labels);
        List<Feature[]> rows = new ArrayList<>();
        List<Double> classes = new ArrayList<>();
        for (SlotExample example : examples) {
            List<int[]> tokens = Tokens.of(example.text());
            List<String> words = words(example.text(), tokens);
            SystemSpans systemSpans = SystemSpans.of(tokens, system.extract(example.text(), reference));
            String[] gold = goldLabels(tokens, example.slots());
            for (int i = 0; i < tokens.size(); i++) {
                rows.add(TokenFeatures.of(words, systemSpans, wordVectors.of(words.get(i)), i,
                        i == 0 ? START : gold[i - 1]));
                classes.add((double) labelList.indexOf(gold[i]));
            }
        }
        Linear.disableDebugOutput();
        Problem problem = new Problem();
        problem.l = rows.size();
        problem.n = TokenFeatures.DIMENSIONS + wordVectors.dimensions();
        problem.x = rows.toArray(Feature[][]::new);
        problem.y = classes.stream().mapToDouble(Double::doubleValue).toArray();
        Model model = Linear.train(problem, new Parameter(SolverType.L2R_LR_DUAL, COST, STOPPING_TOLERANCE));
        return new SlotTagger(model, labels, system, wordVectors);
    }

    @Override
    public List<EntityMatch> extract(String text, ZonedDateTime now) {
        return tag(text, system.extract(text, now));
    }

    /**
     * As {@link #extract}, given the system entities already found in the text (so a caller that has them does not
     * pay for finding them twice).
     */
    public List<EntityMatch> tag(String text, List<EntityMatch> systemEntities) {
        List<int[]> tokens = Tokens.of(text);
        List<String> words = words(text, tokens);
        SystemSpans systemSpans = SystemSpans.of(tokens, systemEntities);
        String[] predicted = new String[tokens.size()];
        double[] confidence = new double[tokens.size()];
        double[] probabilities = new double[columnClass.length];
        for (int i = 0; i < tokens.size(); i++) {
            Linear.predictProbability(model, TokenFeatures.of(words, systemSpans, wordVectors.of(words.get(i)), i,
                    i == 0 ? START : predicted[i - 1]), probabilities);
            int best = 0;
            for (int column = 1; column < probabilities.length; column++) {
                best = probabilities[column] > probabilities[best] ? column : best;
            }
            String label = labels[columnClass[best]];
            boolean continues = i > 0 && predicted[i - 1].length() > 2
                    && predicted[i - 1].substring(2).equals(label.substring(Math.min(2, label.length())));
            boolean sameSystemEntity = i > 0 && systemSpans.first()[i] >= 0
                    && systemSpans.first()[i] == systemSpans.first()[i - 1];
            if (label.startsWith("I-") && !continues) {
                // An I- without its B- opens the slot: the decoder never drops a token it is confident about.
                label = "B-" + label.substring(2);
            } else if (label.startsWith("B-") && continues && sameSystemEntity) {
                // "next friday" is one date: the same slot twice inside one system entity is one slot.
                label = "I-" + label.substring(2);
            }
            predicted[i] = label;
            confidence[i] = probabilities[best];
        }
        return spans(text, tokens, predicted, confidence, systemEntities);
    }

    private static List<EntityMatch> spans(String text, List<int[]> tokens, String[] predicted, double[] confidence,
                                           List<EntityMatch> systemEntities) {
        List<EntityMatch> slots = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            if (!predicted[i].startsWith("B-")) {
                i++;
                continue;
            }
            String name = predicted[i].substring(2);
            int first = i;
            double sum = confidence[i++];
            while (i < tokens.size() && predicted[i].equals("I-" + name)) {
                sum += confidence[i++];
            }
            int start = tokens.get(first)[0];
            int end = tokens.get(i - 1)[1];
            slots.add(EntityMatch.of(text, name, value(text, start, end, systemEntities), start, end,
                    EntitySource.MODEL, sum / (i - first)));
        }
        return slots;
    }

    /** The normalised value of a system entity the slot covers exactly or lies within; else the slot's text. */
    private static String value(String text, int start, int end, List<EntityMatch> systemEntities) {
        return systemEntities.stream()
                .filter(entity -> entity.start() <= start && end <= entity.end()
                        || entity.start() >= start && entity.end() <= end && entity.length() * 2 > end - start)
                .map(EntityMatch::value)
                .findFirst()
                .orElse(text.substring(start, end));
    }

    private static String[] goldLabels(List<int[]> tokens, List<Slot> slots) {
        String[] gold = new String[tokens.size()];
        for (int t = 0; t < tokens.size(); t++) {
            gold[t] = OUTSIDE;
            for (Slot slot : slots) {
                if (tokens.get(t)[0] < slot.end() && slot.start() < tokens.get(t)[1]) {
                    boolean first = t == 0 || !(tokens.get(t - 1)[0] < slot.end()
                            && slot.start() < tokens.get(t - 1)[1]);
                    gold[t] = (first ? "B-" : "I-") + slot.name();
                }
            }
        }
        return gold;
    }

    private static List<String> words(String text, List<int[]> tokens) {
        return tokens.stream().map(token -> text.substring(token[0], token[1])).toList();
    }

    /** Writes the trained model; the system entities and word vectors are the caller's, given again to read. */
    public void write(ModelOutput out) throws IOException {
        out.writeStrings(List.of(labels));
        out.writeLinear(model);
    }

    public static SlotTagger read(ModelInput in, EntityExtractor system, WordVectors wordVectors) throws IOException {
        String[] labels = in.readStrings().toArray(String[]::new);
        return new SlotTagger(in.readLinear(), labels, system, wordVectors);
    }
}
