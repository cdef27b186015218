package dev.confab.nlu.engine;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The classifier trained on a small banking assistant: ranking, confidences, out-of-scope and versioning. */
class IntentClassifierTest {

    private static final SentenceEncoder ENCODER = new SentenceEncoder(SentenceEncoder.Kind.ALL_MINILM_L6_V2_Q);
    private static List<Example> examples;
    private static IntentClassifier classifier;

    @BeforeAll
    static void train() {
        examples = new ArrayList<>();
        intent("block_card", "please block my card", "I lost my card, freeze it", "my card was stolen, block it",
                "stop my card right now", "someone took my card, lock it", "deactivate my debit card",
                "can you freeze my credit card", "I need to block a card");
        intent("order_card", "I want a new card", "how do I order a replacement card", "send me another card",
                "can I get a second card", "request a new debit card", "order a card for my son",
                "I need a replacement card", "where do I apply for a new card");
        intent("check_balance", "what is my balance", "how much money do I have", "show my account balance",
                "what's left on my account", "balance please", "how much is in my savings",
                "tell me my current balance", "check how much I have");
        intent(Example.OUT_OF_SCOPE, "what's the weather tomorrow", "tell me a joke", "who won the football match",
                "book a table for two", "play some music");
        classifier = IntentClassifier.train(examples, ENCODER, ClassifierSettings.defaults());
    }

    @Test
    void aDesignersMinimumConfidenceMakesOneIntentHarderToReach() {
        IntentClassifier cautious = IntentClassifier.train(examples, ENCODER,
                ClassifierSettings.defaults().withMinimumConfidence(java.util.Map.of("block_card", 0.99)));

        assertThat(cautious.threshold("block_card")).isEqualTo(0.99);
        assertThat(cautious.threshold("check_balance")).isEqualTo(classifier.threshold("check_balance"));
        assertThat(classifier.classify("please lock my card").outOfScope()).isFalse();
        assertThat(cautious.classify("please lock my card").outOfScope()).isTrue();
        assertThat(cautious.classify("how much money is in my account").outOfScope()).isFalse();
        assertThat(cautious.version()).isNotEqualTo(classifier.version());
    }

    @Test
    void aWrittenModelReadsBackPredictingExactlyTheSame() throws Exception {
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        try (ModelOutput out = new ModelOutput(written)) {
            classifier.write(out);
        }
        IntentClassifier read = IntentClassifier.read(
                new ModelInput(new ByteArrayInputStream(written.toByteArray())), ENCODER);

        assertThat(read.version()).isEqualTo(classifier.version());
        for (String text : List.of("plese blok my card", "what's the weather tomorrow", "block my card and order a "
                + "new one", "how much is left", "card")) {
            assertThat(read.classify(text)).as(text).isEqualTo(classifier.classify(text));
        }
        byte[] truncated = java.util.Arrays.copyOf(written.toByteArray(), written.size() / 2);
        assertThatThrownBy(() -> IntentClassifier.read(new ModelInput(new ByteArrayInputStream(truncated)), ENCODER))
                .isInstanceOf(java.io.IOException.class);
    }

    @Test
    void findsEachRequestOfAMultiIntentUtterance() {
        String text = "block my card and order a new one";
        IntentPrediction prediction = classifier.classify(text);

        assertThat(prediction.parts()).extracting(IntentSpan::intent).containsExactly("block_card", "order_card");
        assertThat(prediction.parts()).extracting(part -> text.substring(part.start(), part.end()))
                .containsExactly("block my card", "order a new one");
    }

    @Test
    void oneRequestWithAConjunctionIsNotSplit() {
        assertThat(classifier.classify("my card was stolen and I need it blocked").parts()).isEmpty();
        assertThat(classifier.classify("block my card and PIN").parts()).isEmpty();
    }

    @Test
    void ranksTheRightIntentFirstForUnseenWording() {
        IntentPrediction prediction = classifier.classify("my wallet was stolen, please lock my card");

        assertThat(prediction.decision()).isEqualTo("block_card");
        assertThat(prediction.ranking()).extracting(IntentScore::intent)
                .containsExactlyInAnyOrder("block_card", "order_card", "check_balance");
    }

    @Test
    void typingSlipsStillReachTheIntent() {
        IntentPrediction prediction = classifier.classify("plese blcok my crad");

        assertThat(prediction.decision()).isEqualTo("block_card");
        assertThat(classifier.classify("how much mony do I hvae").decision()).isEqualTo("check_balance");
    }

    @Test
    void confidencesAreProbabilitiesInDescendingOrder() {
        List<IntentScore> ranking = classifier.classify("how much cash is in my account").ranking();

        assertThat(ranking.stream().mapToDouble(IntentScore::confidence).sum()).isCloseTo(1.0, within(1e-9));
        assertThat(ranking).isSortedAccordingTo((a, b) -> Double.compare(b.confidence(), a.confidence()));
        assertThat(ranking.get(0).intent()).isEqualTo("check_balance");
    }

    @Test
    void unrelatedRequestIsOutOfScope() {
        IntentPrediction prediction = classifier.classify("recommend a good pizza place near the station");

        assertThat(prediction.outOfScope()).isTrue();
        assertThat(prediction.decision()).isEqualTo(Example.OUT_OF_SCOPE);
    }

    @Test
    void versionIdentifiesTheTrainingData() {
        List<Example> changed = new ArrayList<>(examples);
        changed.add(new Example("freeze the card please", "block_card"));

        IntentClassifier retrained = IntentClassifier.train(changed, ENCODER, ClassifierSettings.defaults());

        assertThat(IntentClassifier.train(examples, ENCODER, ClassifierSettings.defaults()).version())
                .isEqualTo(classifier.version());
        assertThat(retrained.version()).isNotEqualTo(classifier.version());
    }

    @Test
    void trainingNeedsTwoIntents() {
        assertThatThrownBy(() -> IntentClassifier.train(List.of(new Example("hi", "greet")), ENCODER,
                ClassifierSettings.defaults()))
                .hasMessageContaining("at least two intents");
    }

    private static void intent(String intent, String... texts) {
        for (String text : texts) {
            examples.add(new Example(text, intent));
        }
    }
}
