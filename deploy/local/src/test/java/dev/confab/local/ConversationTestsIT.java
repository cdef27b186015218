package dev.confab.local;

import dev.confab.local.conversation.ConversationTest;
import dev.confab.local.conversation.ConversationTestFiles;
import dev.confab.local.conversation.ConversationTestRunner;
import dev.confab.testsupport.OllamaProtocolTestServer;
import dev.confab.testsupport.SseStream;
import dev.confab.testsupport.Transcripts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample assistant's conversation tests (assistants/bank-support/tests), run through the gateway of the whole
 * suite as the local run starts it; then a crash of dialog mid-conversation, on the same suite.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConversationTestsIT {

    private static final Path TESTS = Path.of(System.getProperty("confab.root"), "assistants/bank-support/tests");

    @TempDir
    static Path workDir;

    private static OllamaProtocolTestServer ollama;
    private static LocalSettings settings;
    private static LocalSuite suite;
    private static ConversationTestRunner runner;

    @BeforeAll
    static void startSuite() throws Exception {
        ollama = OllamaProtocolTestServer.start();
        ollama.replyWith(List.of("Here", " is", " what", " I", " know."));
        settings = LocalSuiteIT.settings(workDir, ollama);
        suite = LocalSuite.start(settings);
        runner = new ConversationTestRunner("http://127.0.0.1:" + settings.gatewayPort(), settings.kafkaBootstrap(),
                user -> LocalUsers.tokenFor(settings.workDir(), user));
    }

    @AfterAll
    static void stopSuite() throws Exception {
        if (runner != null) {
            runner.close();
        }
        if (suite != null) {
            suite.close();
        }
        ollama.close();
    }

    @TestFactory
    @Order(1)
    Stream<DynamicTest> sampleAssistantConversations() {
        List<ConversationTest> tests = ConversationTestFiles.read(TESTS);
        assertThat(tests).hasSizeGreaterThanOrEqualTo(129);
        return tests.stream().map(test -> DynamicTest.dynamicTest(test.name(), () ->
                assertThat(runner.run(test)).as(test.where()).isEmpty()));
    }

    @Test
    @Order(2)
    void aCrashOfDialogMidConversationLosesNoTurnAndDuplicatesNone() throws Exception {
        String conversation = "e2e-crash-1";
        assertThat(send(conversation, "I lost my card").named("message"))
                .extracting(event -> event.data().path("text").asText())
                .endsWith("What are the last four digits of the card?");

        // Killed before it commits its consumer offsets, so Kafka hands it the same events again.
        suite.crashAndRestart(Service.DIALOG);
        SseStream answered = send(conversation, "1234");

        assertThat(answered.named("message")).extracting(event -> event.data().path("text").asText())
                .containsExactly("I'll block the card ending 1234 so nobody can use it. Blocking can't be "
                        + "undone. Shall I go ahead?");
        assertThat(Transcripts.read("jdbc:postgresql://127.0.0.1:" + settings.postgresPort() + "/confab_dialog",
                conversation)).containsExactly("USER: I lost my card",
                "BOT: Hi, I'm Ava, Confab Bank's assistant. I can help with cards, transfers, top-ups and payments.",
                "BOT: What are the last four digits of the card?", "USER: 1234",
                "BOT: I'll block the card ending 1234 so nobody can use it. Blocking can't be undone. "
                        + "Shall I go ahead?");
    }

    private static SseStream send(String conversation, String text) throws Exception {
        return LocalSuiteIT.send(settings, conversation, text);
    }
}
