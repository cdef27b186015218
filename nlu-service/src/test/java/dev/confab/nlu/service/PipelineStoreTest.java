package dev.confab.nlu.service;

import dev.confab.bundle.AssistantBundle;
import dev.confab.bundle.load.BundleLoader;
import dev.confab.nlu.TestAssistant;
import dev.confab.testsupport.KafkaTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Trained models kept on disk ({@code %test.nlu.model-store}): an assistant whose training data is unchanged is
 * loaded, not retrained, and understands exactly as before; a reworded reply keeps the key, a changed example does
 * not; an unreadable file is retrained and replaced. Each test's assistant has words of its own, so its own key.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(TestAssistant.class)
class PipelineStoreTest {

    @Inject
    PipelineTrainer trainer;

    @Inject
    PipelineStore store;

    @Test
    void anUnchangedAssistantIsLoadedAndUnderstandsAsBefore() throws IOException {
        String word = unique();
        NluPipeline trained = trainer.train(bank(word, "Your card is blocked."));
        Path model = store.fileOf(trainer.keyOf(bank(word, "Your card is blocked."))).orElseThrow();
        FileTime written = Files.getLastModifiedTime(model);

        AssistantBundle reworded = bank(word, "Your card is blocked now, and nobody can use it.");
        NluPipeline loaded = trainer.train(reworded);

        assertThat(store.fileOf(trainer.keyOf(reworded))).as("a reworded reply changes nothing the NLU learns from")
                .contains(model);
        assertThat(Files.getLastModifiedTime(model)).as("loaded, not trained and written again").isEqualTo(written);
        for (String text : List.of("plese block my card", "send £20 to anna smith", "what's the weather")) {
            assertThat(loaded.classifier().classify(text)).as(text).isEqualTo(trained.classifier().classify(text));
        }
        ZonedDateTime now = ZonedDateTime.parse("2026-12-02T10:00:00Z");
        assertThat(loaded.slots().orElseThrow().extract("send £20 to anna smith", now))
                .isEqualTo(trained.slots().orElseThrow().extract("send £20 to anna smith", now));
    }

    @Test
    void aChangedExampleRetrainsAndAnUnreadableModelIsReplaced() throws IOException {
        String word = unique();
        AssistantBundle bundle = bank(word, "Blocked.");
        trainer.train(bundle);
        Path model = store.fileOf(trainer.keyOf(bundle)).orElseThrow();

        Files.writeString(model, "not a model");
        NluPipeline retrained = trainer.train(bundle);

        assertThat(retrained.classifier().classify("freeze my card").decision()).isEqualTo("block_card");
        assertThat(Files.size(model)).isGreaterThan(1000);
        assertThat(trainer.keyOf(bank(word + " please", "Blocked."))).isNotEqualTo(trainer.keyOf(bundle));
        assertThat(trainer.keyOf(bank("[" + word + "](recipient)", "Blocked.")))
                .as("marking an entity changes what the tagger learns, though the classifier reads the same text")
                .isNotEqualTo(trainer.keyOf(bundle));
    }

    private static String unique() {
        return "lock card " + UUID.randomUUID().toString().substring(0, 8);
    }

    private static AssistantBundle bank(String blockExample, String blocked) {
        return BundleLoader.load(Map.of("assistant.yaml", String.join("\n",
                "assistant: {id: tiny-bank, version: '1', name: Tiny Bank}",
                "intents:",
                "  block_card: {examples: [\"" + blockExample + "\", freeze my card, stop my card,",
                "    my card was stolen]}",
                "  check_balance: {examples: [what is my balance, how much money do I have, show my balance,",
                "    balance please]}",
                "  send_money: {examples: [\"send money to [anna](recipient)\", \"transfer [£20](money) to [john](recipient)\",",
                "    pay my friend, send cash]}",
                "entities:",
                "  model: [recipient]",
                "  examples: [\"pay [£5](money) to [lucy](recipient)\", \"send [£20](money) to [anna smith](recipient)\"]",
                "responses:",
                "  card_blocked: " + blocked)));
    }
}
