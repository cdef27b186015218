package dev.confab.dialog.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.confab.bundle.AssistantBundle;
import dev.confab.bundle.load.BundleLoader;
import dev.confab.contracts.event.GenerationTask;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SLM as the NLU's fallback on the sample bank assistant: when the NLU is unsure, ambiguous or a question's answer
 * fills nothing, the engine asks for a typed command and acts only on one the bundle allows.
 */
class SlmCommandTest {

    private static final AssistantBundle BANK = BundleLoader.load(
            BundleLoader.readDirectory(Path.of("../assistants/bank-support")));
    private static final ObjectMapper JSON = new ObjectMapper();

    private DialogueState state;
    private int turns;
    private TurnResult asked;

    @BeforeEach
    void newConversation() {
        state = new DialogueState();
        turns = 0;
        given(Said.text("hello").intent("greet"));
    }

    @Test
    void asksForACommandOverTheBundlesOwnFlowsAndSlotsWhenTheNluIsUnsure() throws Exception {
        user(Said.text("my plastic is gone, someone has it").outOfScope());

        Output.Generate request = commandRequest();
        JsonNode schema = JSON.readTree(request.schema());
        assertThat(schema.at("/properties/flow/enum")).extracting(JsonNode::asText)
                .contains("block_card", "top_up", "dispute_charge")
                .doesNotContain("order_replacement", "pattern_cancel");
        assertThat(schema.at("/properties/command/enum")).hasSize(Commands.NAMES.size());
        assertThat(request.instructions()).contains("block_card: blocking your card", "Nothing is in progress.");
        assertThat(asked.awaiting()).isTrue();

        TurnResult read = slm("{\"command\": \"start_flow\", \"flow\": \"block_card\"}");
        assertThat(texts(read)).containsExactly("What are the last four digits of the card?");
        assertThat(read.outputs()).startsWith(new Output.Interpreted("start_flow", "block_card", null));
        assertThat(state.top().flow).isEqualTo("block_card");
    }

    @Test
    void fillsTheQuestionAskedFromAFreeTextAnswer() {
        given(Said.text("I want to dispute a charge").intent("card_payment_not_recognised"));
        given(Said.text("£20").intent("top_up").entity("money", "£20", "20 GBP"));
        given(Said.text("yesterday").outOfScope().entity("date", "yesterday", "2026-11-21"));
        given(Said.text("Acme").outOfScope());
        user(Said.text("my kid used it without asking").outOfScope());

        assertThat(commandRequest().instructions())
                .contains("dispute_reason (one of not_recognised, charged_twice, wrong_amount, not_received)",
                        "In progress: disputing a charge.", "just asked for dispute_reason");
        TurnResult read = slm(
                "{\"command\": \"set_slot\", \"slot\": \"dispute_reason\", \"value\": \"not_recognised\"}");

        assertThat(state.slots).containsEntry("dispute_reason", "not_recognised");
        assertThat(read.outputs()).contains(new Output.SlotChanged("dispute_reason", "not_recognised", null, false,
                "generation"));
        assertThat(texts(read)).containsExactly("Anything else we should know? You can also say skip.");
    }

    @Test
    void correctsAnEarlierValueTheModelRead() {
        given(Said.text("my transfer hasn't arrived").intent("transfer_not_received_by_recipient"));
        given(Said.text("£15").intent("top_up").entity("money", "£15", "15 GBP"));
        user(Said.text("oops, it was twenty five quid really").outOfScope());

        TurnResult read = slm("{\"command\": \"correct_slot\", \"slot\": \"transfer_amount\", \"value\": \"25 GBP\"}");

        assertThat(state.slots).containsEntry("transfer_amount", "25.00 GBP");
        assertThat(texts(read)).containsExactly("Got it, the amount of the transfer is now 25.00 GBP.",
                "On what day did you send it?");
    }

    @Test
    void neverActsOnNamesOrValuesTheBundleDoesNotHave() {
        given(Said.text("I want to top up").intent("top_up"));
        for (String hostile : List.of(
                "{\"command\": \"start_flow\", \"flow\": \"transfer_all_money_abroad\"}",
                "{\"command\": \"start_flow\", \"flow\": \"pattern_handoff\"}",
                "{\"command\": \"set_slot\", \"slot\": \"top_up_amount\", \"value\": \"1000000 GBP\"}",
                "{\"command\": \"set_slot\", \"slot\": \"block_reference\", \"value\": \"BLK-000001\"}",
                "{\"command\": \"correct_slot\", \"slot\": \"card_last4\", \"value\": \"9999\"}",
                "{\"command\": \"clarify\", \"options\": [\"top_up\", \"top_up\"]}",
                "{\"command\": \"rm -rf /\"}",
                "Sure! I'll start the block_card flow for you.",
                "{\"command\": \"start_flow\", \"flow\": ",
                "")) {
            user(Said.text("mumble mumble").outOfScope());
            TurnResult read = slm(hostile);

            assertThat(read.outputs()).as(hostile).filteredOn(output -> output instanceof Output.Interpreted)
                    .singleElement()
                    .satisfies(output -> assertThat(((Output.Interpreted) output).dropped()).isNotNull());
            assertThat(texts(read)).as(hostile).containsExactly("How much would you like to top up?");
            assertThat(state.slots).doesNotContainKeys("top_up_amount", "block_reference", "card_last4");
            assertThat(state.stack).extracting(frame -> frame.flow).containsExactly("top_up");
            // Each dropped command re-asks; the next one starts from a fresh question, not towards the give-up.
            state.top().attempts = 0;
        }
    }

    @Test
    void withoutACommandAnAmbiguousMessageStillGetsTheClarification() {
        user(Said.text("card problem").intent("lost_or_stolen_card").intent("card_arrival").ambiguous());

        assertThat(texts(slm("{\"command\": \"cannot_handle\"}")))
                .endsWith("Do you mean blocking your card or checking on a card that hasn't arrived?");
        assertThat(state.pending.kind()).isEqualTo(Pending.Kind.CLARIFICATION);
    }

    @Test
    void aLateCommandForAnEarlierTurnDoesNothing() {
        user(Said.text("mumble").outOfScope());
        String earlier = "t-" + turns;
        given(Said.text("I want to change my PIN").intent("change_pin"));

        TurnResult late = DialogueEngine.onGenerated(BANK, state, earlier,
                "{\"command\": \"start_flow\", \"flow\": \"top_up\"}");
        assertThat(late.outputs()).isEmpty();
        assertThat(state.top().flow).isEqualTo("change_pin");
    }

    @Test
    void anAssistantMayKeepTheSlmOutOfUnderstanding() {
        AssistantBundle plain = BundleLoader.load(java.util.Map.of("plain.yaml", String.join("\n",
                "assistant: {id: plain, version: '1', name: Plain, settings: {slm_commands: false}}",
                "intents: {greet: {role: greet, examples: [hello]}}")));
        TurnResult result = DialogueEngine.onMessage(plain, new DialogueState(), "t-1",
                Said.text("mumble").outOfScope().understood(), Instant.parse("2026-11-22T10:00:00Z"));

        assertThat(result.outputs()).noneMatch(output -> output instanceof Output.Generate generate
                && generate.task() == GenerationTask.COMMAND);
    }

    /** The user says something the test reads as the SLM. */
    private void user(Said said) {
        turns++;
        asked = DialogueEngine.onMessage(BANK, state, "t-" + turns, said.understood(),
                Instant.parse("2026-11-22T10:00:00Z").plusSeconds(20L * turns));
    }

    /** The user says something on the way; should the SLM be asked, it has no command. */
    private void given(Said said) {
        user(said);
        if (state.pending != null && state.pending.kind() == Pending.Kind.COMMAND) {
            slm("");
        }
    }

    private TurnResult slm(String answer) {
        return DialogueEngine.onGenerated(BANK, state, "t-" + turns, answer);
    }

    private Output.Generate commandRequest() {
        return asked.outputs().stream()
                .filter(output -> output instanceof Output.Generate generate
                        && generate.task() == GenerationTask.COMMAND)
                .map(output -> (Output.Generate) output)
                .findFirst()
                .orElseThrow();
    }

    private static List<String> texts(TurnResult result) {
        return result.outputs().stream()
                .filter(output -> output instanceof Output.Say)
                .map(output -> ((Output.Say) output).text())
                .toList();
    }
}
