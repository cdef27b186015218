package dev.confab.bundle.load;

import dev.confab.bundle.AssistantBundle;
import dev.confab.bundle.model.IntentRole;
import dev.confab.bundle.model.Step;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The loader reads a bundle across files and reports every mistake at its file and line. */
class BundleLoaderTest {

    private static final Path MINIMAL = Path.of("src/test/resources/bundles/minimal");

    @Test
    void loadsABundleSpreadOverSeveralFiles() {
        AssistantBundle bundle = BundleLoader.load(BundleLoader.readDirectory(MINIMAL));

        assertThat(bundle.id()).isEqualTo("card-helper");
        assertThat(bundle.version()).isEqualTo("1.0.0");
        assertThat(bundle.assistant().settings().currency()).isEqualTo("GBP");
        assertThat(bundle.assistant().settings().maxReasks()).isEqualTo(2);
        assertThat(bundle.flowTriggeredBy("lost_card")).hasValueSatisfying(flow -> {
            assertThat(flow.steps()).hasSize(5);
            assertThat(flow.steps().get(0)).isEqualTo(new Step.Collect(null, "card_last4", null, false));
            assertThat(flow.indexOf("police")).hasValue(3);
        });
        assertThat(bundle.responses().get("ask_card_last4").text()).hasSize(2);
        assertThat(bundle.responses().get("report_to_police").maxChars()).containsEntry("voice", 80);
        assertThat(bundle.slots().get("what_happened").values()).containsKeys("lost", "stolen");
        assertThat(bundle.roleOf("stop")).isEqualTo(IntentRole.CANCEL);
        assertThat(bundle.roleOf("lost_card")).isEqualTo(IntentRole.TASK);
    }

    @Test
    void readsYesAndNoAsTextNotAsBooleans() {
        AssistantBundle bundle = BundleLoader.load(BundleLoader.readDirectory(MINIMAL));

        assertThat(bundle.intents().get("answer_no").examples()).containsExactly("no", "nope");
    }

    @Test
    void mergesTheRepairPatternsUnderTheBundleAndLetsItOverrideThem() {
        Map<String, String> files = files();
        AssistantBundle defaults = BundleLoader.load(files);
        assertThat(defaults.flows()).containsKeys("pattern_correction", "pattern_cancel", "pattern_cannot_handle");
        assertThat(defaults.responses().get("flow_cancelled").text()).containsExactly("OK, I've stopped {flow}.");

        files.put("patterns.yaml", "responses:\n  flow_cancelled: Fine, {flow} is off.\n");
        AssistantBundle overridden = BundleLoader.load(files);
        assertThat(overridden.responses().get("flow_cancelled").text()).containsExactly("Fine, {flow} is off.");
    }

    @Test
    void reportsYamlSyntaxErrorsWithTheirLine() {
        Map<String, String> files = files();
        files.put("broken.yaml", "responses:\n  hello: [unclosed\n");

        assertThatThrownBy(() -> BundleLoader.load(files))
                .isInstanceOfSatisfying(InvalidBundleException.class, e -> assertThat(e.problems())
                        .singleElement()
                        .satisfies(problem -> {
                            assertThat(problem.file()).isEqualTo("broken.yaml");
                            assertThat(problem.line()).isEqualTo(3);
                            assertThat(problem.message()).startsWith("YAML syntax");
                        }));
    }

    @Test
    void reportsSchemaViolationsAtTheOffendingKey() {
        Map<String, String> files = files();
        files.put("flows/block_card.yaml", files.get("flows/block_card.yaml")
                .replace("      - collect: what_happened\n", "      - collect: what_happened\n        retries: 3\n"));

        assertThatThrownBy(() -> BundleLoader.load(files))
                .isInstanceOfSatisfying(InvalidBundleException.class, e -> assertThat(e.problems())
                        .extracting(BundleProblem::toString)
                        .containsExactly("flows/block_card.yaml:22:9: flows.block_card.steps.1: "
                                + "unknown property 'retries'"));
    }

    @Test
    void reportsEveryUnknownReferenceWithItsLine() {
        Map<String, String> files = files();
        files.put("flows/block_card.yaml", files.get("flows/block_card.yaml")
                .replace("- collect: what_happened", "- collect: what_happeneds")
                .replace("goto: police", "goto: polise")
                .replace("respond: card_blocked", "respond: card_blocked_ok"));

        assertThatThrownBy(() -> BundleLoader.load(files))
                .isInstanceOfSatisfying(InvalidBundleException.class, e -> assertThat(e.problems())
                        .extracting(BundleProblem::toString)
                        .containsExactlyInAnyOrder(
                                "flows/block_card.yaml:21:9: unknown slot 'what_happeneds'",
                                "flows/block_card.yaml:21:9: no response 'ask_what_happeneds' to ask for slot 'what_happeneds'; "
                                        + "add one or name it with 'ask'",
                                "flows/block_card.yaml:23:13: no step with id 'polise' in flow 'block_card' "
                                        + "(use 'end' to finish the flow)",
                                "flows/block_card.yaml:29:9: unknown response 'card_blocked_ok'"));
    }

    @Test
    void reportsIntentsThatMeanAValueTheSlotDoesNotHave() {
        Map<String, String> files = files();
        files.put("flows/block_card.yaml", files.get("flows/block_card.yaml")
                .replace("      stolen: [stolen, robbed]\n", "      stolen: [stolen, robbed]\n"
                        + "    from_intents:\n      stolen: [lost_card, card_stolen]\n      hacked: [lost_card]\n"));

        assertThatThrownBy(() -> BundleLoader.load(files))
                .isInstanceOfSatisfying(InvalidBundleException.class, e -> assertThat(e.problems())
                        .extracting(BundleProblem::toString)
                        .containsExactlyInAnyOrder(
                                "flows/block_card.yaml:15:27: unknown intent 'card_stolen'",
                                "flows/block_card.yaml:16:7: 'hacked' is not a value of this slot"));
    }

    @Test
    void reportsABadConditionWithWhereItBreaks() {
        Map<String, String> files = files();
        files.put("flows/block_card.yaml", files.get("flows/block_card.yaml")
                .replace("slots.what_happened == 'stolen' and", "slots.what_happened = 'stolen' and"));

        assertThatThrownBy(() -> BundleLoader.load(files))
                .isInstanceOfSatisfying(InvalidBundleException.class, e -> assertThat(e.problems())
                        .extracting(BundleProblem::toString)
                        .containsExactly("flows/block_card.yaml:23:13: condition 'slots.what_happened = 'stolen' and "
                                + "slots.amount > 100': unexpected character '=' at character 21"));
    }

    @Test
    void refusesAPatternThatCouldBacktrackOrRunLong() {
        Map<String, String> files = files();
        files.put("entities.yaml", "entities:\n  patterns:\n    order: \"(?<=order )[0-9]+\"\n"
                + "    twice: \"(a)\\\\1\"\n    huge: \"" + "a".repeat(501) + "\"\n");

        assertThatThrownBy(() -> BundleLoader.load(files))
                .isInstanceOfSatisfying(InvalidBundleException.class, e -> assertThat(e.problems())
                        .extracting(BundleProblem::toString)
                        .anySatisfy(problem -> assertThat(problem).startsWith("entities.yaml:3:")
                                .contains("RE2 syntax"))
                        .anySatisfy(problem -> assertThat(problem).startsWith("entities.yaml:4:")
                                .contains("RE2 syntax"))
                        .anySatisfy(problem -> assertThat(problem).startsWith("entities.yaml:5:")
                                .contains("501 characters; the limit is 500")));
    }

    @Test
    void namesBothPlacesOfADefinitionMadeTwice() {
        Map<String, String> files = files();
        files.put("more.yaml", "\nresponses:\n  ask_what_happened: Lost or stolen?\n");

        assertThatThrownBy(() -> BundleLoader.load(files))
                .isInstanceOfSatisfying(InvalidBundleException.class, e -> assertThat(e.problems())
                        .extracting(BundleProblem::toString)
                        .containsExactly("more.yaml:3:3: response 'ask_what_happened' is already defined at "
                                + "flows/block_card.yaml:35"));
    }

    @Test
    void rejectsAStepThatDoesTwoThings() {
        Map<String, String> files = files();
        files.put("flows/block_card.yaml", files.get("flows/block_card.yaml")
                .replace("      - id: police\n", "      - id: police\n        collect: what_happened\n"));

        assertThatThrownBy(() -> BundleLoader.load(files))
                .hasMessageContaining("flows/block_card.yaml:26:9: a step does one thing, but this one has "
                        + "collect and respond");
    }

    @Test
    void rejectsTextLongerThanItsChannelShows() {
        Map<String, String> files = files();
        files.put("flows/block_card.yaml", files.get("flows/block_card.yaml")
                .replace("max_chars: { voice: 80 }", "max_chars: { voice: 20 }"));

        assertThatThrownBy(() -> BundleLoader.load(files))
                .hasMessageContaining("flows/block_card.yaml:38:5: text has 43 characters; channel 'voice' "
                        + "shows at most 20");
    }

    @Test
    void rejectsFilesOutsideTheBundleAndBundlesWithoutAnAssistant() {
        assertThatThrownBy(() -> BundleLoader.load(Map.of("../etc/passwd.yaml", "intents: {}\n")))
                .hasMessageContaining("../etc/passwd.yaml: file paths must be relative");
        assertThatThrownBy(() -> BundleLoader.load(Map.of("intents.yaml", "intents: {}\n")))
                .hasMessageContaining("no file defines 'assistant'");
    }

    private static Map<String, String> files() {
        return new HashMap<>(BundleLoader.readDirectory(MINIMAL));
    }
}
