package dev.confab.dialog.engine;

import dev.confab.bundle.AssistantBundle;
import dev.confab.bundle.load.BundleLoader;
import dev.confab.contracts.event.ConversationEnded;
import dev.confab.contracts.event.FlowChange;
import dev.confab.contracts.event.GenerationTask;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine on the sample bank assistant: flows, slots and every repair pattern, one conversation per test. */
class DialogueEngineTest {

    private static final AssistantBundle BANK = BundleLoader.load(
            BundleLoader.readDirectory(Path.of("../assistants/bank-support")));

    private DialogueState state;
    private Instant now;
    private int turns;
    private TurnResult last;

    @BeforeEach
    void newConversation() {
        state = new DialogueState();
        now = Instant.parse("2026-11-22T10:00:00Z");
        turns = 0;
    }

    @Test
    void blocksACardOverSeveralTurnsAndOffersAReplacement() {
        assertThat(user(Said.text("I need to block my card").intent("lost_or_stolen_card")))
                .containsExactly("Hi, I'm Ava, Confab Bank's assistant. I can help with cards, transfers, top-ups and "
                        + "payments.", ask("ask_card_last4"));
        assertThat(user(Said.text("1234").intent("lost_or_stolen_card").entity("card_last4", "1234", "1234")))
                .containsExactly("Was the card lost, stolen, or do you think its details were compromised?");
        assertThat(user(Said.text("it was stolen on the bus").intent("lost_or_stolen_card")))
                .containsExactly("I'll block the card ending 1234 so nobody can use it. Blocking can't be undone. "
                        + "Shall I go ahead?");
        assertThat(user(Said.text("yes please").intent("affirm"))).isEmpty();
        assertThat(last.outputs()).endsWith(new Output.CallAction("block_card",
                Map.of("card_last4", "1234", "loss_kind", "stolen")));
        assertThat(texts(DialogueEngine.onAction(BANK, state, "t-" + turns, Map.of("block_reference", "BLK-77"),
                false)))
                .containsExactly("Done, the card ending 1234 is blocked (reference BLK-77). As it was stolen, our "
                                + "fraud team will look at recent payments and contact you about anything unusual.",
                        "Would you like a replacement card sent to your address on file?");
        assertThat(user(Said.text("yes").intent("affirm")))
                .containsExactly("A replacement is on its way and should arrive within 5 working days.");

        assertThat(state.stack).isEmpty();
        assertThat(state.slots).containsOnlyKeys("card_last4");
        assertThat(flowEvents()).containsExactly("order_replacement COMPLETED 0");
    }

    @Test
    void saysSoAndStopsTheFlowWhenAnActionFails() {
        user(Said.text("block my card ending 1234, it was stolen").intent("lost_or_stolen_card")
                .entity("card_last4", "1234", "1234"));
        user(Said.text("yes").intent("affirm"));

        TurnResult failed = DialogueEngine.onAction(BANK, state, "t-" + turns, Map.of(), true);
        assertThat(texts(failed)).containsExactly("Sorry, I couldn't block the card just now. Please freeze it in the "
                + "app under Cards, or call us on 0800 123 456.");
        assertThat(failed.outputs()).contains(new Output.FlowEvent("block_card", FlowChange.FAILED, 0, "block"));
        assertThat(state.stack).isEmpty();
    }

    @Test
    void takesValuesGivenBeforeTheyAreAskedFor() {
        user(Said.text("hello").intent("greet"));

        assertThat(user(Said.text("my card ending 4321 was stolen").intent("lost_or_stolen_card")
                .entity("card_last4", "4321", "4321")))
                .containsExactly("I'll block the card ending 4321 so nobody can use it. Blocking can't be undone. "
                        + "Shall I go ahead?");
        assertThat(slotEvents()).containsExactly("card_last4=4321", "loss_kind=stolen");
    }

    @Test
    void correctsAnEarlierAnswerAndGoesOnFromThere() {
        user(Said.text("my transfer hasn't arrived").intent("transfer_not_received_by_recipient"));
        assertThat(user(Said.text("15").intent("transfer_not_received_by_recipient").entity("number", "15", "15")))
                .containsExactly("On what day did you send it?");

        assertThat(user(Said.text("no, 50 not 15").intent("deny").entity("number", "50", "50")
                .entity("number", "15", "15")))
                .containsExactly("Got it, the amount of the transfer is now 50.00 GBP.", "On what day did you send it?");
        assertThat(state.slots).containsEntry("transfer_amount", "50.00 GBP");
        assertThat(last.outputs()).contains(new Output.SlotChanged("transfer_amount", "50.00 GBP", "15.00 GBP", true,
                "user"));
    }

    @Test
    void spellsAmountsOneWayWhicheverExtractorFoundThem() {
        user(Said.text("my transfer hasn't arrived").intent("transfer_not_received_by_recipient"));
        user(Said.text("£15").intent("exchange_charge").entity("money", "£15", "15 GBP"));

        user(Said.text("no, 50 not 15").intent("deny").entity("amount_of_money", "50", "50")
                .entity("amount_of_money", "15", "15"));

        assertThat(state.slots).containsEntry("transfer_amount", "50.00 GBP");
        assertThat(last.outputs()).contains(new Output.SlotChanged("transfer_amount", "50.00 GBP", "15.00 GBP", true,
                "user"));
    }

    @Test
    void asksTheSlmForATypedValueAndKeepsOnlyAnswersOfThatType() {
        AssistantBundle triage = BundleLoader.load(Map.of("triage.yaml", String.join("\n",
                "assistant: {id: triage, version: '1', name: Triage}",
                "intents: {complain: {examples: [I want to complain]}}",
                "slots:",
                "  topic: {type: category, values: {cards: [], fees: []}}",
                "flows:",
                "  complaint:",
                "    triggers: [complain]",
                "    steps:",
                "      - generate: What is the complaint about?",
                "        into: topic",
                "      - respond: noted",
                "responses: {noted: 'Noted: {topic}.'}")));
        DialogueState conversation = new DialogueState();
        TurnResult asked = DialogueEngine.onMessage(triage, conversation, "t-1",
                Said.text("I want to complain").intent("complain").understood(), now);
        assertThat(asked.outputs()).last().isInstanceOfSatisfying(Output.Generate.class, generate -> {
            assertThat(generate.slot()).isEqualTo("topic");
            assertThat(generate.instructions()).endsWith("Answer with exactly one of: cards, fees.");
        });

        assertThat(texts(DialogueEngine.onGenerated(triage, conversation, "t-1", " Fees \n")))
                .containsExactly("Noted: fees.");
        DialogueEngine.onMessage(triage, conversation, "t-2", Said.text("I want to complain").intent("complain")
                .understood(), now);
        DialogueEngine.onGenerated(triage, conversation, "t-2", "the weather");
        assertThat(conversation.slots).doesNotContainKey("topic");
    }

    @Test
    void takesAShortAnswerTheNluMistakesForSmallTalk() {
        user(Said.text("my transfer hasn't arrived").intent("transfer_not_received_by_recipient"));

        assertThat(user(Said.text("15").intent("how_old_are_you").entity("number", "15", "15")))
                .containsExactly("On what day did you send it?");
        assertThat(state.slots).containsEntry("transfer_amount", "15.00 GBP");
    }

    @Test
    void answersADigressionFromKnowledgeThenResumesTheInterruptedFlow() {
        user(Said.text("please block my card").intent("lost_or_stolen_card"));
        user(Said.text("1234").entity("card_last4", "1234", "1234").intent("lost_or_stolen_card"));

        assertThat(user(Said.text("how long do transfers take?").intent("transfer_timing"))).isEmpty();
        assertThat(last.awaiting()).isTrue();
        assertThat(last.outputs()).contains(new Output.SearchKnowledge("how long do transfers take?", false));

        TurnResult answered = DialogueEngine.onKnowledgeAnswered(BANK, state, "t-" + turns);
        assertThat(texts(answered)).containsExactly("Let's get back to blocking your card.",
                "Was the card lost, stolen, or do you think its details were compromised?");
        assertThat(answered.outputs()).contains(new Output.FlowEvent("block_card", FlowChange.RESUMED, 1, "collect_loss_kind"));
    }

    @Test
    void runsAnotherFlowAsADigressionAndResumesTheFirst() {
        user(Said.text("I sent money and it never arrived").intent("transfer_not_received_by_recipient"));

        assertThat(user(Said.text("actually first I need to change my PIN").intent("change_pin")))
                .containsExactly(ask("ask_card_last4"));
        user(Said.text("5678").entity("card_last4", "5678", "5678").intent("change_pin"));
        assertThat(user(Said.text("at an atm").intent("atm_support")))
                .containsExactly("Insert the card ending 5678 at any cash machine that offers PIN services and choose "
                        + "Change PIN. You'll need your current PIN.", "Let's get back to checking on a transfer.",
                        "How much was the transfer?");
        assertThat(flowEvents()).containsExactly("change_pin COMPLETED 1", "transfer_status RESUMED 1");
    }

    @Test
    void cancelsTheFlowInProgress() {
        user(Said.text("I want to top up").intent("topping_up_by_card"));

        assertThat(user(Said.text("never mind, cancel that").intent("stop")))
                .containsExactly("OK, I've stopped topping up your account.");
        assertThat(state.stack).isEmpty();
        assertThat(user(Said.text("stop").intent("stop"))).containsExactly("There's nothing in progress to stop.");
    }

    @Test
    void skipsOnlyOptionalQuestions() {
        user(Said.text("I don't recognise a payment").intent("card_payment_not_recognised"));
        assertThat(user(Said.text("skip").intent("skip")))
                .containsExactly("I need the amount of the charge to go on with disputing a charge.",
                        "How much was the charge?");
        user(Said.text("£25").intent("card_payment_not_recognised").entity("money", "£25", "25.00 GBP"));
        user(Said.text("yesterday").intent("card_payment_not_recognised").entity("date", "yesterday", "2026-11-21"));
        user(Said.text("Acme Coffee").intent("card_payment_not_recognised").entity("company_name", "Acme Coffee",
                "Acme Coffee"));

        assertThat(user(Said.text("skip this question").intent("skip")))
                .containsExactly("OK, let's skip that.", "I've opened a dispute for 25.00 GBP from Acme Coffee on "
                        + "2026-11-21. We'll update you within 5 working days; you don't need to do anything else "
                        + "for now.");
        assertThat(state.stack).isEmpty();
    }

    @Test
    void asksWhichIntentWasMeantWhenTheNluCannotTell() {
        assertThat(user(Said.text("card problem").intent("lost_or_stolen_card").intent("card_arrival").ambiguous()))
                .endsWith("Do you mean blocking your card or checking on a card that hasn't arrived?");

        assertThat(user(Said.text("the second one").outOfScope()))
                .containsExactly("When did you order the card?");
        // The answer labels the ambiguous message for NLU training data.
        assertThat(last.outputs()).startsWith(new Output.Clarified("t-1", "card_arrival"));
    }

    @Test
    void aMessageNoModelCouldReadIsAskedAgainAndChangesNothing() {
        last = DialogueEngine.onMessage(BANK, state, "t-1",
                dev.confab.contracts.event.MessageUnderstood.notReady("I lost my card"), now);

        assertThat(texts(last)).containsExactly(
                "I'm still getting ready to understand messages. Please try again in a minute.");
        assertThat(state.userTurns).isZero();
        assertThat(state.stack).isEmpty();
    }

    @Test
    void twoIntentsThatStartTheSameFlowNeedNoQuestion() {
        assertThat(user(Said.text("someone has my card details").intent("compromised_card")
                .intent("lost_or_stolen_card").ambiguous()))
                .endsWith(ask("ask_card_last4"));
        assertThat(state.top().flow).isEqualTo("block_card");
    }

    @Test
    void runsSeveralRequestsInTheOrderSaidWhateverTheBestIntent() {
        String text = "I lost my card and I also need to change my PIN";
        assertThat(user(Said.text(text).intent("change_pin").intent("lost_or_stolen_card")
                .part("lost_or_stolen_card", "I lost my card").part("change_pin", "I also need to change my PIN")))
                .endsWith(ask("ask_card_last4"));
        assertThat(flowEvents()).containsExactly("block_card STARTED 1");
        user(Said.text("1234").intent("change_pin").entity("card_last4", "1234", "1234"));

        assertThat(user(Said.text("no").intent("deny")))
                .containsExactly("OK, I haven't blocked it. If you find it's missing after all, just tell me.",
                        "Now, changing your PIN, as you asked.",
                        "Would you like to change it in the app, or at a cash machine?");
        assertThat(flowEvents()).containsExactly("block_card COMPLETED 0", "change_pin STARTED 1");
    }

    @Test
    void aLaterRequestWaitsForTheFirstThenTheInterruptedFlowResumes() {
        user(Said.text("my transfer hasn't arrived").intent("transfer_not_received_by_recipient"));
        user(Said.text("I want to top up and change my PIN").intent("change_pin")
                .part("topping_up_by_card", "I want to top up").part("change_pin", "change my PIN"));
        user(Said.text("£50").intent("top_up_by_card_charge").entity("money", "£50", "50 GBP"));
        user(Said.text("card").intent("topping_up_by_card"));
        user(Said.text("yes").intent("affirm"));
        user(Said.text("1234").intent("change_pin").entity("card_last4", "1234", "1234"));

        assertThat(user(Said.text("in the app").intent("change_pin")))
                .containsSubsequence("Let's get back to checking on a transfer.", "How much was the transfer?");
        assertThat(state.stack).extracting(frame -> frame.flow).containsExactly("transfer_status");
    }

    @Test
    void answersOutOfScopeFromKnowledgeThenOffersAHuman() {
        user(Said.text("hi").intent("greet"));

        user(Said.text("what's the weather like").outOfScope());
        assertThat(last.outputs()).containsExactly(new Output.SearchKnowledge("what's the weather like", true));
        DialogueEngine.onKnowledgeAnswered(BANK, state, "t-" + turns);

        assertThat(user(Said.text("can you book me a flight").outOfScope()))
                .containsExactly("I don't seem to be helping. Would you like me to pass you to a colleague?");
        // Too short for the NLU to be sure of, a yes still answers the offer.
        assertThat(user(Said.text("yes please").outOfScope()))
                .containsExactly("I'm passing you to a colleague, who will see our conversation so far.");
        assertThat(last.outputs()).contains(new Output.HandOff(
                "the assistant could not help and the user accepted a human", null));
        assertThat(state.withAgent).isTrue();
        assertThat(user(Said.text("hello?").intent("greet"))).isEmpty();

        assertThat(texts(DialogueEngine.onAgentReturned(BANK, state, "t-agent")))
                .containsExactly("You're back with the Confab Bank assistant. How else can I help?");
        assertThat(state.withAgent).isFalse();
    }

    @Test
    void makesSmallTalkFromTemplatesOrTheSlm() {
        user(Said.text("hi").intent("greet"));

        assertThat(user(Said.text("thanks a lot").intent("thank_you")))
                .containsExactly("You're welcome. Anything else I can help with?");
        user(Said.text("tell me a joke").intent("tell_joke"));
        assertThat(last.outputs()).singleElement().isInstanceOfSatisfying(Output.Generate.class, generate -> {
            assertThat(generate.task()).isEqualTo(GenerationTask.SMALL_TALK);
            assertThat(generate.slot()).isNull();
        });
    }

    @Test
    void readsFreeTextAnswersToACategoryQuestionForgivingSlips() {
        user(Said.text("there's a charge I have to dispute").intent("card_payment_not_recognised"));
        user(Said.text("£12").intent("top_up").entity("money", "£12", "12 GBP"));
        user(Said.text("yesterday").outOfScope().entity("date", "yesterday", "2026-11-21"));
        user(Said.text("Netflix").outOfScope());

        assertThat(user(Said.text("I never signed up for it").outOfScope()))
                .containsExactly("Anything else we should know? You can also say skip.");
        assertThat(state.slots).containsEntry("dispute_reason", "not_recognised");

        newConversation();
        user(Said.text("block my card ending 1234").intent("lost_or_stolen_card").entity("card_last4", "1234", "1234"));
        user(Said.text("it was stolne").outOfScope());
        assertThat(state.slots).containsEntry("loss_kind", "stolen");
    }

    @Test
    void anIntentTheSlotSaysMeansAValueFillsIt() {
        assertThat(user(Said.text("i gave my card details to a dodgy website").intent("compromised_card")))
                .endsWith("What are the last four digits of the card?");
        assertThat(state.slots).containsEntry("loss_kind", "compromised");

        newConversation();
        user(Said.text("i gave my card details to a dodgy website").intent("compromised_card").outOfScope());
        assertThat(state.slots).doesNotContainKey("loss_kind");
    }

    @Test
    void readsAnAnswerWithoutASynonymByWhatItMeansOnlyWhenAskedForThatSlot() {
        user(Said.text("there's a charge I have to dispute").intent("card_payment_not_recognised")
                .meaning("dispute_reason", "not_recognised"));
        assertThat(state.slots).doesNotContainKey("dispute_reason");
        user(Said.text("£12").intent("top_up").entity("money", "£12", "12 GBP"));
        user(Said.text("yesterday").outOfScope().entity("date", "yesterday", "2026-11-21"));
        user(Said.text("Argos").outOfScope());

        assertThat(user(Said.text("the parcel never turned up").outOfScope().meaning("dispute_reason", "not_received")))
                .containsExactly("Anything else we should know? You can also say skip.");
        assertThat(state.slots).containsEntry("dispute_reason", "not_received");

        newConversation();
        user(Said.text("block my card ending 1234").intent("lost_or_stolen_card").entity("card_last4", "1234", "1234"));
        // A goodbye is a goodbye, whatever value it sits near.
        user(Said.text("ok bye then").intent("goodbye").meaning("loss_kind", "lost"));
        assertThat(state.slots).doesNotContainKey("loss_kind");
    }

    @Test
    void aYesInOtherWordsAnswersTheQuestionRatherThanEndingTheConversation() {
        user(Said.text("top up £20 by card").intent("top_up").entity("money", "£20", "20 GBP"));

        assertThat(user(Said.text("go ahead").intent("goodbye")))
                .containsExactly("Your top-up of 20.00 GBP has started. Card top-ups arrive at once, bank transfers "
                        + "within 2 hours.");
        assertThat(last.outputs()).noneMatch(output -> output instanceof Output.End);
    }

    @Test
    void aNoWithANewValueAtTheConfirmationCorrectsRatherThanDeclines() {
        user(Said.text("top up £40 by card").intent("top_up").entity("money", "£40", "40 GBP"));

        assertThat(user(Said.text("no wait, make it 60").intent("deny").entity("number", "60", "60")))
                .endsWith("Top up 60.00 GBP by card. Shall I go ahead?");
        assertThat(state.slots).containsEntry("top_up_amount", "60.00 GBP").doesNotContainKey("top_up_confirmed");
    }

    @Test
    void aYesThatOpensAnAnswerIsAYesWhateverTheRestSoundsLike() {
        user(Said.text("my card ending 8765 was cloned").intent("compromised_card")
                .entity("card_last4", "8765", "8765"));

        user(Said.text("yes block it").intent("pin_blocked"));
        assertThat(state.slots).containsEntry("block_confirmed", "true");
        assertThat(state.top().flow).isEqualTo("block_card");
    }

    @Test
    void reasksUnusableAnswersThenGivesUp() {
        user(Said.text("top up please").intent("topping_up_by_card"));

        assertThat(user(Said.text("£5").intent("topping_up_by_card").entity("money", "£5", "5.00 GBP")))
                .containsExactly("You can top up between £10 and £5,000 at a time. How much would you like?",
                        "How much would you like to top up?");
        assertThat(user(Said.text("dunno").outOfScope())).containsExactly("How much would you like to top up?");
        assertThat(user(Said.text("whatever").outOfScope()))
                .containsExactly("Sorry, I still don't have the top-up amount, so I've stopped topping up your "
                        + "account.");
        assertThat(flowEvents()).containsExactly("top_up FAILED 0");
    }

    @Test
    void startsAFreshSessionAfterTheInactivityTimeout() {
        user(Said.text("I lost my card").intent("lost_or_stolen_card"));
        now = now.plus(Duration.ofMinutes(45));

        assertThat(user(Said.text("hello").intent("greet")))
                .containsExactly("Welcome back. It's been a while, so I've closed what we were doing.",
                        "Hello again. What can I do for you?");
        assertThat(state.stack).isEmpty();
    }

    @Test
    void handsLargeDisputesToTheDisputesTeam() {
        user(Said.text("I was charged twice").intent("transaction_charged_twice"));
        user(Said.text("£1,200").entity("money", "£1,200", "1200.00 GBP").intent("transaction_charged_twice"));
        user(Said.text("on Monday").entity("date", "Monday", "2026-11-16").intent("transaction_charged_twice"));
        user(Said.text("Tesco").entity("company_name", "Tesco", "Tesco").intent("transaction_charged_twice"));

        assertThat(user(Said.text("no, that's all").intent("deny")))
                .containsExactly("As the charge is over £1,000, a specialist from our disputes team will take this on.");
        assertThat(last.outputs()).contains(new Output.HandOff("disputes above £1,000 are handled by the disputes team",
                "dispute_charge"));
    }

    @Test
    void saysGoodbyeAndEndsTheConversation() {
        user(Said.text("I want to top up").intent("topping_up_by_card"));

        assertThat(user(Said.text("bye").intent("goodbye"))).containsExactly("Thanks for banking with us. Goodbye!");
        assertThat(last.outputs()).contains(new Output.FlowEvent("top_up", FlowChange.CANCELLED, 0,
                "collect_top_up_amount"));
        assertThat(state.stack).isEmpty();
    }

    @Test
    void aConversationTheUserLeftEndsSilentlyWithItsFlowCancelledWhereTheyStopped() {
        user(Said.text("I want to top up").intent("topping_up_by_card"));
        user(Said.text("£20").intent("topping_up_by_card").entity("money", "£20", "20.00 GBP"));

        TurnResult left = DialogueEngine.onClosed(BANK, state, "t-x", ConversationEnded.Reason.INACTIVITY);

        assertThat(left.outputs()).containsExactly(
                new Output.FlowEvent("top_up", FlowChange.CANCELLED, 0, "collect_top_up_method"),
                new Output.End(ConversationEnded.Reason.INACTIVITY));
        assertThat(state.stack).isEmpty();
    }

    @Test
    void aLateAnswerForAnEarlierTurnResumesNothing() {
        user(Said.text("hi").intent("greet"));
        user(Said.text("what are the fees abroad?").intent("card_payment_fee_charged"));
        user(Said.text("I lost my card").intent("lost_or_stolen_card"));

        assertThat(DialogueEngine.onKnowledgeAnswered(BANK, state, "t-2").outputs()).isEmpty();
        assertThat(state.top().flow).isEqualTo("block_card");
    }

    /**
     * The user says something; when the engine asks the SLM for a command, the SLM has none (SlmCommandTest covers
     * the commands), so these tests see the NLU's reading carried out, as before the SLM was asked.
     */
    private List<String> user(Said said) {
        turns++;
        now = now.plusSeconds(20);
        last = DialogueEngine.onMessage(BANK, state, "t-" + turns, said.understood(), now);
        if (last.awaiting() && state.pending != null && state.pending.kind() == Pending.Kind.COMMAND) {
            TurnResult read = DialogueEngine.onGenerated(BANK, state, "t-" + turns, "I cannot help with that.");
            List<Output> outputs = new ArrayList<>(last.outputs());
            outputs.addAll(read.outputs());
            outputs.removeIf(output -> output instanceof Output.Interpreted
                    || (output instanceof Output.Generate generate && generate.task() == GenerationTask.COMMAND));
            last = new TurnResult(outputs, read.awaiting());
        }
        return texts(last);
    }

    private static List<String> texts(TurnResult result) {
        return result.outputs().stream()
                .filter(output -> output instanceof Output.Say)
                .map(output -> ((Output.Say) output).text())
                .toList();
    }

    private List<String> flowEvents() {
        return last.outputs().stream()
                .filter(output -> output instanceof Output.FlowEvent)
                .map(output -> (Output.FlowEvent) output)
                .map(event -> event.flow() + " " + event.change() + " " + event.depth())
                .toList();
    }

    private List<String> slotEvents() {
        return last.outputs().stream()
                .filter(output -> output instanceof Output.SlotChanged)
                .map(output -> (Output.SlotChanged) output)
                .map(event -> event.slot() + "=" + event.value())
                .toList();
    }

    private static String ask(String response) {
        return BANK.responses().get(response).text().get(0);
    }

}
