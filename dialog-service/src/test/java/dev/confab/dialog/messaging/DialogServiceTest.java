package dev.confab.dialog.messaging;

import dev.confab.bundle.cli.BundlePublisher;
import dev.confab.bundle.load.BundleLoader;
import dev.confab.contracts.Topics;
import dev.confab.contracts.bundle.BundleRelease;
import dev.confab.contracts.event.AgentMessage;
import dev.confab.contracts.event.BotMessage;
import dev.confab.contracts.event.ChatTurn;
import dev.confab.contracts.event.ConversationEndRequested;
import dev.confab.contracts.event.ConversationEnded;
import dev.confab.contracts.event.Envelope;
import dev.confab.contracts.event.FlowChange;
import dev.confab.contracts.event.FlowChanged;
import dev.confab.contracts.event.GenerationCompleted;
import dev.confab.contracts.event.GenerationRequested;
import dev.confab.contracts.event.GenerationTask;
import dev.confab.contracts.event.HandoffAccepted;
import dev.confab.contracts.event.HandoffEnded;
import dev.confab.contracts.event.HandoffRequested;
import dev.confab.contracts.event.HistoryRequested;
import dev.confab.contracts.event.IntentScore;
import dev.confab.contracts.event.MessageUnderstood;
import dev.confab.contracts.event.Passage;
import dev.confab.contracts.event.Provenance;
import dev.confab.contracts.event.ReplyDone;
import dev.confab.contracts.event.ReplyHandoff;
import dev.confab.contracts.event.ReplyHistory;
import dev.confab.contracts.event.ReplyMessage;
import dev.confab.contracts.event.RetrievalPerformed;
import dev.confab.contracts.event.RetrievalRequested;
import dev.confab.contracts.event.SlotSet;
import dev.confab.contracts.event.TurnStarted;
import dev.confab.testsupport.KafkaTestResource;
import dev.confab.testsupport.PostgresTestResource;
import dev.confab.testsupport.SharedKafka;
import dev.confab.testsupport.SharedPostgres;
import dev.confab.testsupport.TestKeys;
import dev.confab.testsupport.Transcripts;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.confab.dialog.messaging.Conversations.entity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * dialog-service over real Kafka and PostgreSQL, running the sample bank assistant released on
 * {@code assistant.bundles}: turns in as the NLU sends them, replies, events and the transcript out.
 */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(BankApiTestServer.class)
class DialogServiceTest {

    static final String TENANT = "acme";
    static final Path SAMPLE = Path.of("../assistants/bank-support");

    private static String sampleVersion;

    @BeforeAll
    static void releaseTheSampleAssistant() {
        sampleVersion = BundlePublisher.publish(SharedKafka.bootstrapServers(), TENANT, SAMPLE).version();
    }

    @Test
    void completesATaskWithACorrectionAndADigressionAndRecordsEveryStep() {
        awaitServed(TENANT, sampleVersion);
        Conversations chat = new Conversations(TENANT);

        chat.send("my transfer never arrived", "transfer_not_received_by_recipient");
        assertThat(chat.replies()).containsExactly(
                "Hi, I'm Ava, Confab Bank's assistant. I can help with cards, transfers, top-ups and payments.",
                "How much was the transfer?");
        chat.send("15", "transfer_not_received_by_recipient", entity("number", "15", "15"));
        assertThat(chat.replies()).containsExactly("On what day did you send it?");
        chat.send("no, 50 not 15", "deny", entity("number", "50", "50"));
        assertThat(chat.replies()).containsExactly("Got it, the amount of the transfer is now 50.00 GBP.",
                "On what day did you send it?");
        chat.send("hang on, I also need to change my PIN", "change_pin");
        assertThat(chat.replies()).containsExactly("What are the last four digits of the card?");
        chat.send("4321", "change_pin", entity("card_last4", "4321", "4321"));
        chat.replies();
        chat.send("in the app", "change_pin");
        assertThat(chat.replies()).containsExactly(
                "In the app, open Cards, choose the card ending 4321, then Security and Change PIN. Never share your "
                        + "PIN, not even with us.",
                "Let's get back to checking on a transfer.", "On what day did you send it?");
        chat.send("last Friday", "transfer_not_received_by_recipient", entity("date", "last Friday", "2026-11-20"));
        chat.replies();
        chat.send("to Sam Jones", "transfer_not_received_by_recipient", entity("person_name", "Sam Jones", "Sam Jones"));

        assertThat(chat.replies()).containsExactly("Your transfer of 50.00 GBP to Sam Jones on 2026-11-20 is on its "
                + "way. Transfers to other UK banks usually arrive within 2 hours, and always by the next working day. "
                + "If it hasn't arrived by then, I'll ask a colleague to trace it.");
        List<Envelope> events = Conversations.KAFKA.awaitEvents(Topics.CONVERSATION_EVENTS, chat.id(), 1);
        assertThat(events).allMatch(event -> sampleVersion.equals(event.assistantVersion()));
        assertThat(events.stream().map(Envelope::payload).filter(FlowChanged.class::isInstance)
                .map(payload -> ((FlowChanged) payload).flow() + " " + ((FlowChanged) payload).change()))
                .containsExactly("transfer_status STARTED", "transfer_status INTERRUPTED", "change_pin STARTED",
                        "change_pin COMPLETED", "transfer_status RESUMED", "transfer_status COMPLETED");
        assertThat(events.stream().map(Envelope::payload).filter(SlotSet.class::isInstance)
                .map(payload -> (SlotSet) payload)
                .map(slot -> slot.slot() + "=" + slot.value() + (slot.corrected() ? " (corrected)" : "")))
                .containsExactly("transfer_amount=15.00 GBP", "transfer_amount=50.00 GBP (corrected)",
                        "card_last4=4321", "pin_method=app", "transfer_date=2026-11-20", "recipient=Sam Jones");
        assertThat(transcript(chat.id())).hasSize(20).startsWith("USER: my transfer never arrived")
                .contains("BOT: Got it, the amount of the transfer is now 50.00 GBP.");
    }

    @Test
    void callsTheBanksCardSystemAndTellsTheUserToWaitWhenItIsSlow() {
        awaitServed(TENANT, sampleVersion);
        BankApiTestServer.answer(200, Duration.ofMillis(1500));
        Conversations chat = new Conversations(TENANT);
        chat.send("my card ending 1234 was stolen", "lost_or_stolen_card", entity("card_last4", "1234", "1234"));
        chat.replies();

        chat.send("yes, block it", "affirm");

        assertThat(chat.replies()).containsExactly("One moment, please.",
                "Done, the card ending 1234 is blocked (reference BLK-4242). As it was stolen, our fraud team will "
                        + "look at recent payments and contact you about anything unusual.",
                "Would you like a replacement card sent to your address on file?");
        assertThat(BankApiTestServer.REQUESTS)
                .contains("Bearer test-token {\"card_last4\":\"1234\",\"loss_kind\":\"stolen\"}");
        assertThat(BankApiTestServer.ACTED_ON).as("the bank acted on the turn's step once, by its key")
                .contains(BankApiTestServer.KEYS.get(BankApiTestServer.KEYS.size() - 1));
        assertThat(transcript(chat.id())).doesNotContain("BOT: One moment, please.");
    }

    @Test
    void retriesAFailingActionThenSaysItCouldNotFinish() {
        awaitServed(TENANT, sampleVersion);
        BankApiTestServer.answer(503, Duration.ZERO);
        Conversations chat = new Conversations(TENANT);
        chat.send("my card ending 9876 was stolen", "lost_or_stolen_card", entity("card_last4", "9876", "9876"));
        chat.replies();
        int before = BankApiTestServer.REQUESTS.size();

        chat.send("yes", "affirm");

        assertThat(chat.replies()).containsExactly("Sorry, I couldn't block the card just now. Please freeze it in the "
                + "app under Cards, or call us on 0800 123 456.");
        assertThat(BankApiTestServer.REQUESTS.size() - before).as("one attempt and one retry").isEqualTo(2);
        List<String> keys = BankApiTestServer.KEYS.subList(before, before + 2);
        assertThat(keys.get(0)).as("the retry is the same request to the bank").isNotEqualTo("null")
                .isEqualTo(keys.get(1));
        BankApiTestServer.answer(200, Duration.ZERO);
    }

    @Test
    void answersFromKnowledgeThroughRetrievalAndGeneration() {
        awaitServed(TENANT, sampleVersion);
        Conversations chat = new Conversations(TENANT);
        chat.send("hello", "greet");
        chat.replies();

        chat.send("how long do transfers take?", "transfer_timing");
        Envelope search = Conversations.KAFKA.awaitEvents(Topics.RETRIEVAL_REQUESTS, chat.id(), 1).get(0);
        assertThat(search.payload()).as("the search carries what the user said before, to read follow-ups")
                .isEqualTo(new RetrievalRequested("how long do transfers take?", 3, List.of("hello"), List.of()));
        Passage passage = new Passage("transfers", "transfers#1", "Transfers", "https://bank.example/help/transfers",
                "Transfers to other UK accounts usually arrive within 2 hours.", 0.8);
        Conversations.KAFKA.send(search.next(new RetrievalPerformed("how long do transfers take?", List.of(passage))));

        Envelope generation = Conversations.KAFKA.awaitEvents(Topics.GENERATION_REQUESTS, chat.id(), 1).get(0);
        GenerationRequested request = (GenerationRequested) generation.payload();
        assertThat(request.task()).isEqualTo(GenerationTask.ANSWER);
        assertThat(request.passages()).containsExactly(passage);
        assertThat(request.persona()).startsWith("You are Ava, the Confab Bank assistant.");
        assertThat(request.endsTurn()).as("dialog ends the turn").isFalse();
        Conversations.KAFKA.send(generation.next(new GenerationCompleted("Usually within 2 hours [1].", Provenance.RAG,
                List.of(passage.citation()), "test-model", 20, 5, 100, 300)));

        assertThat(chat.replies()).as("the streamed answer is generation's; dialog only ends the turn").isEmpty();
        await().atMost(Duration.ofSeconds(30)).until(() -> transcript(chat.id()).size() == 4);
        assertThat(transcript(chat.id())).endsWith("USER: how long do transfers take?",
                "BOT: Usually within 2 hours [1].");
    }

    @Test
    void anotherTenantsBundleCannotUseTheseSecretsNorCallTheseHosts() {
        String tenant = "other-bank";
        BundlePublisher.publish(SharedKafka.bootstrapServers(), tenant, SAMPLE);
        awaitServed(tenant, sampleVersion);
        int before = BankApiTestServer.REQUESTS.size();
        Conversations chat = new Conversations(tenant);
        chat.send("my card ending 5678 was stolen", "lost_or_stolen_card", entity("card_last4", "5678", "5678"));
        chat.replies();

        chat.send("yes", "affirm");

        assertThat(chat.replies()).containsExactly("Sorry, I couldn't block the card just now. Please freeze it in the "
                + "app under Cards, or call us on 0800 123 456.");
        assertThat(BankApiTestServer.REQUESTS).as("no call reached the bank").hasSize(before);
    }

    @Test
    void aRephrasedMessageIsSaidBeforeTheMessagesAfterIt() {
        String tenant = "rephrasing-tenant";
        Map<String, String> files = new HashMap<>(BundleLoader.readDirectory(SAMPLE));
        files.put("assistant.yaml", files.get("assistant.yaml").replace(sampleVersion, "rephrasing-1"));
        files.put("responses.yaml", files.get("responses.yaml").replace("  session_start: Hi, I'm {persona}, "
                        + "{assistant}'s assistant. I can help with cards, transfers, top-ups and payments.",
                "  session_start:\n    text: Hi, I'm {persona}, {assistant}'s assistant.\n    rephrase: true\n"
                        + "    max_chars: { web: 80 }"));
        BundlePublisher.send(SharedKafka.bootstrapServers(), BundleRelease.of(tenant, "bank-support", "rephrasing-1",
                files));
        awaitServed(tenant, "rephrasing-1");
        Conversations chat = new Conversations(tenant);

        chat.send("my transfer never arrived", "transfer_not_received_by_recipient");

        Envelope generation = Conversations.KAFKA.awaitEvents(Topics.GENERATION_REQUESTS, chat.id(), 1).get(0);
        GenerationRequested request = (GenerationRequested) generation.payload();
        assertThat(request.task()).isEqualTo(GenerationTask.REPHRASE);
        assertThat(request.fallbackText()).isEqualTo("Hi, I'm Ava, Confab Bank's assistant.");
        assertThat(request.maxChars()).isEqualTo(80);
        assertThat(request.endsTurn()).as("dialog says more after it").isFalse();
        assertThat(chat.events(Topics.CHAT_OUTBOUND, "t-1")).as("the next question waits for the rephrasing").isEmpty();
        String rephrased = "Hello, I'm Ava from Confab Bank.";
        Conversations.KAFKA.send(generation.next(new GenerationCompleted(rephrased, Provenance.REPHRASED, List.of(),
                "test-model", 30, 9, 80, 200, GenerationTask.REPHRASE, "rephrase.v1")));

        assertThat(chat.replies()).containsExactly("How much was the transfer?");
        assertThat(transcript(chat.id())).containsExactly("USER: my transfer never arrived", "BOT: " + rephrased,
                "BOT: How much was the transfer?");
        List<BotMessage> said = Conversations.KAFKA.awaitEvents(Topics.CONVERSATION_EVENTS, chat.id(), 1).stream()
                .map(Envelope::payload)
                .filter(BotMessage.class::isInstance)
                .map(BotMessage.class::cast)
                .toList();
        assertThat(said).extracting(BotMessage::text, BotMessage::provenance, BotMessage::response).containsExactly(
                tuple(rephrased, Provenance.REPHRASED, "session_start"),
                tuple("How much was the transfer?", Provenance.TEMPLATE, "ask_transfer_amount"));
    }

    @Test
    void thePublicStreamHidesPersonalDataThatTheUserAndTheTranscriptKeep() {
        awaitServed(TENANT, sampleVersion);
        Conversations chat = new Conversations(TENANT);
        chat.send("my card was stolen, write to jane.doe@example.com", "lost_or_stolen_card");
        chat.replies();

        List<TurnStarted> started = Conversations.KAFKA.awaitUntil(Topics.CONVERSATION_EVENTS, chat.id(),
                        "turn.started").stream()
                .map(Envelope::payload)
                .filter(TurnStarted.class::isInstance)
                .map(TurnStarted.class::cast)
                .toList();
        assertThat(started).extracting(TurnStarted::text)
                .containsExactly("my card was stolen, write to [EMAIL_1]");
        assertThat(transcript(chat.id())).contains("USER: my card was stolen, write to jane.doe@example.com");
    }

    @Test
    void anotherTenantCannotWriteIntoAConversation() {
        awaitServed(TENANT, sampleVersion);
        Conversations chat = new Conversations(TENANT);
        chat.send("my transfer never arrived", "transfer_not_received_by_recipient");
        chat.replies();
        List<String> before = transcript(chat.id());

        Conversations.KAFKA.send(Envelope.first("intruder", "bank-support", chat.id(), "t-intruder", null,
                new MessageUnderstood("15", "en", List.of(new IntentScore("transfer_not_received_by_recipient", 0.9)),
                        false, false, List.of(), List.of(entity("number", "15", "15")), "test", "web", null)));

        assertThat(chat.replies("t-intruder")).containsExactly(
                "This conversation cannot be continued from here. Please start a new conversation.");
        chat.send("20", "transfer_not_received_by_recipient", entity("number", "20", "20"));
        assertThat(chat.replies()).as("the owner's conversation went on where it was")
                .containsExactly("On what day did you send it?");
        assertThat(transcript(chat.id())).startsWith(before.toArray(String[]::new))
                .doesNotContain("USER: 15").contains("USER: 20");
    }

    @Test
    void handsOverToAHumanAndTakesTheConversationBack() {
        awaitServed(TENANT, sampleVersion);
        Conversations chat = new Conversations(TENANT);

        chat.send("I want to close my account", "terminate_account");
        assertThat(chat.replies()).endsWith("I'm sorry to hear you want to leave. Closing an account needs a "
                + "colleague, who'll check nothing is left pending. I'm passing you over now.");
        Envelope handoff = Conversations.KAFKA.awaitEvents(Topics.HANDOFFS, chat.id(), 1).get(0);
        HandoffRequested packet = (HandoffRequested) handoff.payload();
        assertThat(packet.reason()).isEqualTo("the user wants to close their account");
        assertThat(packet.summary()).isEqualTo("The user said: I want to close my account.");
        assertThat(packet.transcriptUrl()).endsWith("/v1/conversations/" + chat.id() + "/transcript");

        chat.send("hello? anyone?", "greet");
        assertThat(chat.replies()).as("the bot stays quiet while an agent has the conversation").isEmpty();
        Conversations.KAFKA.send(handoff.next(new HandoffAccepted("agent-7")));
        Conversations.KAFKA.send(handoff.next(new AgentMessage("agent-7", "Hi, I'm Sam. I can close it for you.")));
        Conversations.KAFKA.send(handoff.next(new HandoffEnded("agent-7")));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(transcript(chat.id())).endsWith(
                "BOT: Hi, I'm Sam. I can close it for you.",
                "BOT: You're back with the Confab Bank assistant. How else can I help?"));
        assertThat(Conversations.KAFKA.awaitEvents(Topics.CHAT_OUTBOUND, chat.id(), 0).stream()
                .map(Envelope::payload)
                .filter(ReplyHandoff.class::isInstance))
                .as("the user's client hears where the handoff stands")
                .containsExactly(new ReplyHandoff(ReplyHandoff.State.REQUESTED, null),
                        new ReplyHandoff(ReplyHandoff.State.ACCEPTED, "agent-7"),
                        new ReplyHandoff(ReplyHandoff.State.ENDED, null));
        TestKeys.asPlatform().get("/v1/conversations/{id}/transcript", chat.id())
                .then()
                .statusCode(200)
                .body("[4].provenance", equalTo("HUMAN"));
    }

    @Test
    void redeliveredUserMessageChangesNothing() {
        awaitServed(TENANT, sampleVersion);
        Conversations chat = new Conversations(TENANT);
        Envelope hello = chat.send("hello", "greet");
        Conversations.KAFKA.send(hello);
        chat.send("I want to top up", "topping_up_by_card");

        assertThat(chat.replies()).containsExactly("How much would you like to top up?");
        assertThat(transcript(chat.id())).containsExactly(
                "USER: hello",
                "BOT: Hi, I'm Ava, Confab Bank's assistant. I can help with cards, transfers, top-ups and payments.",
                "USER: I want to top up", "BOT: How much would you like to top up?");
    }

    @Test
    void aTurnSentAgainIsAnsweredAgainWithoutASecondTurn() {
        awaitServed(TENANT, sampleVersion);
        Conversations chat = new Conversations(TENANT);
        Envelope topUp = chat.send("I want to top up", "topping_up_by_card");
        List<String> first = chat.replies();

        // The retried POST reached NLU again: a new event of the same turn.
        Conversations.KAFKA.send(Envelope.first(TENANT, "bank-support", chat.id(), topUp.turnId(), null,
                topUp.payload()));

        List<Envelope> turn = await().atMost(Duration.ofSeconds(30))
                .until(() -> chat.events(Topics.CHAT_OUTBOUND, topUp.turnId()), events -> events.stream()
                        .filter(event -> event.payload() instanceof ReplyDone).count() == 2);
        assertThat(turn.stream().map(Envelope::payload).filter(ReplyMessage.class::isInstance)
                .map(said -> ((ReplyMessage) said).text()))
                .as("the turn's messages, then the same again")
                .containsExactlyElementsOf(Stream.concat(first.stream(), first.stream()).toList());
        assertThat(transcript(chat.id())).filteredOn(line -> line.startsWith("USER:"))
                .containsExactly("USER: I want to top up");
        assertThat(chat.events(Topics.CONVERSATION_EVENTS, topUp.turnId()).stream()
                .filter(event -> event.payload() instanceof TurnStarted)).hasSize(1);
    }

    @Test
    void historyIsToldToTheConversationsTenantOnly() {
        awaitServed(TENANT, sampleVersion);
        Conversations chat = new Conversations(TENANT);
        chat.send("hello", "greet");
        chat.replies();
        chat.send("I want to top up", "topping_up_by_card");
        chat.replies();

        Conversations.KAFKA.send(Envelope.first(TENANT, "bank-support", chat.id(), "h-1", null,
                new HistoryRequested(3, null)));
        Conversations.KAFKA.send(Envelope.first("intruder", "bank-support", chat.id(), "h-2", null,
                new HistoryRequested(3, null)));

        ReplyHistory own = (ReplyHistory) await().atMost(Duration.ofSeconds(30))
                .until(() -> chat.events(Topics.CHAT_OUTBOUND, "h-1"), events -> !events.isEmpty()).get(0).payload();
        ReplyHistory foreign = (ReplyHistory) await().atMost(Duration.ofSeconds(30))
                .until(() -> chat.events(Topics.CHAT_OUTBOUND, "h-2"), events -> !events.isEmpty()).get(0).payload();
        assertThat(own.found()).isTrue();
        assertThat(own.messages()).extracting(ReplyHistory.Entry::speaker, ReplyHistory.Entry::text).containsExactly(
                tuple(ChatTurn.Speaker.BOT, "Hi, I'm Ava, Confab Bank's assistant. I can help with cards, "
                        + "transfers, top-ups and payments."),
                tuple(ChatTurn.Speaker.USER, "I want to top up"),
                tuple(ChatTurn.Speaker.BOT, "How much would you like to top up?"));
        assertThat(foreign).isEqualTo(new ReplyHistory(false, List.of(), false));
    }

    @Test
    void aConversationTheClientClosesEndsAndCancelsItsFlowForItsTenantOnly() {
        awaitServed(TENANT, sampleVersion);
        Conversations chat = new Conversations(TENANT);
        chat.send("I want to top up", "topping_up_by_card");
        chat.replies();

        Conversations.KAFKA.send(Envelope.first("intruder", "bank-support", chat.id(), "end-1", null,
                new ConversationEndRequested(null)));
        Conversations.KAFKA.send(Envelope.first(TENANT, "bank-support", chat.id(), "end-2", null,
                new ConversationEndRequested("closed the chat window")));

        List<Envelope> ended = await().atMost(Duration.ofSeconds(30))
                .until(() -> chat.events(Topics.CONVERSATION_EVENTS, "end-2"), events -> events.stream()
                        .anyMatch(event -> event.payload() instanceof ConversationEnded));
        assertThat(ended).extracting(Envelope::payload)
                .contains(new ConversationEnded(ConversationEnded.Reason.CLOSED))
                .anyMatch(change -> change instanceof FlowChanged flow && flow.change() == FlowChange.CANCELLED);
        assertThat(chat.events(Topics.CONVERSATION_EVENTS, "end-1")).as("another tenant's request").isEmpty();
    }

    @Test
    void rejectsAnInvalidBundleWithFileAndLineWhileTheOldVersionKeepsAnswering() {
        String tenant = "rejecting-tenant";
        BundlePublisher.publish(SharedKafka.bootstrapServers(), tenant, SAMPLE);
        awaitServed(tenant, sampleVersion);
        Map<String, String> files = new HashMap<>(BundleLoader.readDirectory(SAMPLE));
        files.put("assistant.yaml", files.get("assistant.yaml").replace(sampleVersion, "broken-1"));
        files.put("flows/top_up.yaml", files.get("flows/top_up.yaml").replace("- collect: top_up_method",
                "- collect: top_up_methods"));
        BundlePublisher.send(SharedKafka.bootstrapServers(), BundleRelease.of(tenant, "bank-support", "broken-1",
                files));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> TestKeys.asPlatform()
                .get("/v1/assistants/{tenant}/bank-support", tenant)
                .then()
                .statusCode(200)
                .body("active", equalTo(sampleVersion))
                .body("lastRejected.version", equalTo("broken-1"))
                .body("lastRejected.problems[0]", equalTo("flows/top_up.yaml:8:9: unknown slot 'top_up_methods'")));
        Conversations chat = new Conversations(tenant);
        chat.send("I want to top up", "topping_up_by_card");
        assertThat(chat.replies()).endsWith("How much would you like to top up?");
    }

    static void awaitServed(String tenant, String version) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> TestKeys.asPlatform()
                .get("/v1/assistants/{tenant}/bank-support", tenant)
                .then()
                .statusCode(200)
                .body("active", equalTo(version)));
    }

    static List<String> transcript(String conversationId) {
        return Transcripts.read(SharedPostgres.jdbcUrl(), conversationId);
    }
}
