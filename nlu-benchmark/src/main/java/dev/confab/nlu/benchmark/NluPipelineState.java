package dev.confab.nlu.benchmark;

import dev.confab.bundle.AssistantBundle;
import dev.confab.bundle.load.BundleLoader;
import dev.confab.bundle.model.SlotType;
import dev.confab.nlu.engine.CategoryReader;
import dev.confab.nlu.engine.ClassifierSettings;
import dev.confab.nlu.engine.IntentClassifier;
import dev.confab.nlu.engine.SentenceEncoder;
import dev.confab.nlu.engine.entity.EntityDefinitions;
import dev.confab.nlu.engine.entity.EntityRecognizer;
import dev.confab.nlu.engine.entity.tagger.SlotExample;
import dev.confab.nlu.engine.entity.tagger.SlotTagger;
import dev.confab.nlu.engine.entity.tagger.WordVectors;
import dev.confab.nlu.engine.eval.ExampleFiles;
import dev.confab.nlu.engine.eval.NluppFiles;
import dev.confab.nlu.engine.language.LanguageIdentifier;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The sample bank assistant's NLU as nlu-service builds it (BANKING77 intents, NLU++ banking slots, its category
 * slots, seven languages), trained once per benchmark run, and the utterances it is asked about: fifteen-word customer messages.
 */
@State(Scope.Benchmark)
public class NluPipelineState {

    static final ZonedDateTime NOW = ZonedDateTime.of(2026, 11, 22, 9, 0, 0, 0, ZoneOffset.UTC);
    static final List<String> UTTERANCES = List.of(
            "I lost my debit card yesterday evening near the station, can you block it right away",
            "why was I charged a fee of £2.50 when I took cash out at the airport",
            "my transfer of 300 euros to my landlord has been pending for three days now",
            "how long will it take for my new card to arrive if I order it today",
            "I want to change my phone number to 07911 123456 and update my email address please",
            "there is a payment to amazon prime last week that I did not make, what now",
            "can I top up my account with apple pay and how long does it usually take",
            "please block my card and order a new one, it was stolen from my bag");

    IntentClassifier classifier;
    CategoryReader categories;
    EntityRecognizer entities;
    SlotTagger slots;
    LanguageIdentifier languages;
    SentenceEncoder encoder;

    @Setup(Level.Trial)
    public void train() throws IOException {
        // The sample assistant's intents are BANKING77's (its bundle holds all 10,003 examples); its slot tagger
        // learns from NLU++ banking's 14 folds, which its bundle holds as marked examples (nlu/slot_examples.yaml).
        Path datasets = Path.of(System.getProperty("confab.datasets", "../shared/datasets"));
        encoder = new SentenceEncoder(SentenceEncoder.Kind.ALL_MINILM_L6_V2_Q);
        classifier = IntentClassifier.train(ExampleFiles.readBanking77(datasets.resolve("banking77/train.csv")),
                encoder, ClassifierSettings.defaults());
        categories = CategoryReader.learn(sampleCategories(), encoder);
        entities = EntityRecognizer.of(EntityDefinitions.none());
        List<SlotExample> slotExamples = IntStream.range(0, 14)
                .mapToObj(fold -> datasets.resolve("nlupp/banking/fold" + fold + ".json"))
                .flatMap(fold -> NluppFiles.read(fold).stream())
                .map(utterance -> new SlotExample(utterance.text(), utterance.slots()))
                .toList();
        slots = SlotTagger.train(slotExamples, entities::recognize, new WordVectors(encoder), NOW);
        languages = new LanguageIdentifier(List.of("en", "fr", "de", "es", "it", "nl", "pt"));
    }

    /** The sample assistant's category slots and their synonyms, read from its bundle. */
    private static Map<String, Map<String, List<String>>> sampleCategories() {
        AssistantBundle bundle = BundleLoader.load(BundleLoader.readDirectory(
                Path.of(System.getProperty("confab.assistant", "assistants/bank-support"))));
        Map<String, Map<String, List<String>>> categories = new LinkedHashMap<>();
        bundle.slots().forEach((name, slot) -> {
            if (slot.type() == SlotType.CATEGORY) {
                categories.put(name, slot.values());
            }
        });
        return categories;
    }
}
