package dev.confab.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.confab.export.DataExport;
import dev.confab.testsupport.OllamaProtocolTestServer;
import dev.confab.testsupport.OtlpTestCollector;
import dev.confab.testsupport.SseStream;
import dev.confab.testsupport.Transcripts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * One chat turn through all five packaged services, run as processes by the same launcher as the local run,
 * against a real Kafka broker and a real PostgreSQL; the SLM is the Ollama-protocol test server.
 */
class LocalSuiteIT {

    private static final String CONVERSATION = "e2e-conversation-1";

    private static final List<String> SERVICES = List.of("gateway-service", "nlu-service", "dialog-service",
            "retrieval-service", "generation-service");

    private static OllamaProtocolTestServer ollama;
    private static OtlpTestCollector traces;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void startSidecarAndCollector() throws IOException {
        ollama = OllamaProtocolTestServer.start();
        traces = OtlpTestCollector.start();
    }

    @AfterAll
    static void stopSidecarAndCollector() {
        ollama.close();
        traces.close();
    }

    @Test
    void chatTurnStreamsThroughAllFiveServicesAndSurvivesARestart(@TempDir Path workDir) throws IOException, InterruptedException {
        LocalSettings settings = settings(workDir);
        List<Long> firstRunPids;

        ollama.replyWith(List.of("A", " new", " card", " is", " free."));
        try (LocalSuite suite = LocalSuite.start(settings)) {
            assertThat(suite.slmOn()).isTrue();
            firstRunPids = suite.childPids();

            SseStream reply = send(settings, CONVERSATION, "How much is a new card?");

            assertThat(reply.names()).containsExactly("message", "token", "token", "token", "token", "token",
                    "message", "done");
            assertThat(reply.named("message").get(0).data().path("text").asText())
                    .as("the sample assistant greets a new conversation from its template")
                    .startsWith("Hi, I'm Ava, Confab Bank's assistant.");
            assertThat(reply.named("token")).extracting(event -> event.data().path("text").asText())
                    .containsExactly("A", " new", " card", " is", " free.");
            JsonNode message = reply.named("message").get(1).data();
            assertThat(message.path("text").asText()).isEqualTo("A new card is free.");
            assertThat(message.path("provenance").asText())
                    .as("retrieval found the answer in the bundle's knowledge documents").isEqualTo("RAG");
            assertThat(message.path("citations").findValuesAsText("url"))
                    .as("the answer cites the documents it came from").isNotEmpty()
                    .allSatisfy(url -> assertThat(url).startsWith("https://bank.example/help/"));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> transcript(settings, CONVERSATION), lines -> lines.size() == 3);
            assertThat(transcript(settings, CONVERSATION)).containsExactly("USER: How much is a new card?",
                    "BOT: Hi, I'm Ava, Confab Bank's assistant. I can help with cards, transfers, top-ups and payments.",
                    "BOT: A new card is free.");
            assertThat(ollama.chatRequests().get(0).path("messages").toString()).contains("How much is a new card?");
            await("the turn counted by analytics").atMost(Duration.ofSeconds(30))
                    .until(() -> analytics(settings).path("turns").asInt() >= 1);
            assertThat(analytics(settings).path("topIntents").findValuesAsText("intent")).isNotEmpty();
            anotherTeamsConsumerValidatesThePublicStream(settings);
            for (Service stage : List.of(Service.NLU, Service.DIALOG, Service.RETRIEVAL, Service.GENERATION)) {
                assertThat(metrics(settings, stage)).as("%s times its stage of the turn", stage)
                        .containsPattern("confab_turn_stage_seconds_count\\{[^}]*stage=\"[a-z]+\"[^}]*} [1-9]");
            }
            await("one trace through all five services, across Kafka").atMost(Duration.ofSeconds(30))
                    .until(() -> traces.servicesByTrace().values().stream()
                            .anyMatch(services -> services.containsAll(SERVICES)));
            assertThat(parse(settings, "I think someone stole my card").path("intents").get(0).path("intent").asText())
                    .as("the sample bank assistant's intent model is trained from its bundle and used")
                    .isEqualTo("lost_or_stolen_card");
        }
        assertThat(firstRunPids).noneMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        assertThat(portIsFree(settings.kafkaPort())).isTrue();
        assertThat(portIsFree(settings.postgresPort())).isTrue();

        ollama.replyWith(List.of("Yes", "."));
        try (LocalSuite ignored = LocalSuite.start(settings)) {
            send(settings, CONVERSATION, "Is that still true?");

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> transcript(settings, CONVERSATION), lines -> lines.size() == 5);
            assertThat(transcript(settings, CONVERSATION)).endsWith("USER: Is that still true?", "BOT: Yes.");

            ollama.replyWith(List.of("You're", " most", " welcome.", " Anything", " else", " I", " can", " help",
                    " with?"));
            SseStream thanked = send(settings, CONVERSATION, "thank you");

            assertThat(thanked.named("message")).extracting(event -> event.data().path("provenance").asText())
                    .as("the bundle marks its thank-you response for rephrasing").containsExactly("REPHRASED");
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> transcript(settings, CONVERSATION), lines -> lines.size() == 7);
            assertThat(transcript(settings, CONVERSATION))
                    .endsWith("BOT: You're most welcome. Anything else I can help with?");
            reviewedAndExportedForTraining(settings, workDir);

            // Last, as it is skipped (saying why) on a machine without Chromium; CI installs it.
            ollama.replyWith(List.of("A", " new", " card", " is", " free."));
            chatInTheBrowser(settings);
        }
    }

    /**
     * Another team's consumer of {@code conversation.events} — Node.js with kafkajs and Ajv, no Confab code
     * ({@code examples/node-consumer}) — reads the conversation's events and validates each against the published
     * schema its CloudEvents headers name.
     */
    private static void anotherTeamsConsumerValidatesThePublicStream(LocalSettings settings)
            throws IOException, InterruptedException {
        Path example = Path.of("../../examples/node-consumer").toAbsolutePath().normalize();
        if (!Files.isDirectory(example.resolve("node_modules"))) {
            assertThat(run(example, "npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts")).isZero();
        }
        List<String> output = new ArrayList<>();
        int exit = run(example, output, "node", "consume.mjs", "--bootstrap-servers", settings.kafkaBootstrap(),
                "--min-events", "3", "--timeout-seconds", "60");

        assertThat(exit).as(String.join("\n", output)).isZero();
        JsonNode summary = JSON.readTree(output.get(output.size() - 1));
        assertThat(summary.path("invalid").asInt()).as(summary.toString()).isZero();
        assertThat(summary.path("types").has("turn.started")).as(summary.toString()).isTrue();
    }

    private static int run(Path directory, String... command) throws IOException, InterruptedException {
        return run(directory, new ArrayList<>(), command);
    }

    private static int run(Path directory, List<String> output, String... command)
            throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        try (BufferedReader lines = process.inputReader()) {
            lines.lines().forEach(output::add);
        }
        return process.waitFor();
    }

    /**
     * The gateway's web chat in headless Chromium: the greeting, the streamed answer, its sources, a thumb up, the
     * conversation restored after a reload, a handoff followed to an agent's message.
     */
    private static void chatInTheBrowser(LocalSettings settings) throws IOException, InterruptedException {
        assumeTrue(HeadlessChromium.installed() || System.getenv("CI") != null,
                "the web chat is tested in Debian's chromium and chromium-driver, which are not installed "
                        + "(apt-get install chromium chromium-driver)");
        try (WebChatPage chat = WebChatPage.open("http://127.0.0.1:" + settings.gatewayPort() + "/")) {
            chat.say("How much is a new card?");

            await().atMost(Duration.ofSeconds(60)).until(() -> chat.botMessages().size() == 2);
            assertThat(chat.botMessages()).containsExactly(
                    "Hi, I'm Ava, Confab Bank's assistant. I can help with cards, transfers, top-ups and payments.",
                    "A new card is free.");
            assertThat(chat.lastCitations()).isNotEmpty()
                    .allSatisfy(url -> assertThat(url).startsWith("https://bank.example/help/"));
            assertThat(chat.streaming()).isFalse();
            assertThat(chat.status()).isEmpty();

            chat.rateLastMessage(true);
            await().atMost(Duration.ofSeconds(10)).until(chat::lastRatingSent, "up"::equals);

            // The answer's words arrive before dialog records them; the turn's done comes after the record.
            chat.awaitTurnOver();
            String conversation = chat.conversationId();
            chat.reload();
            await().atMost(Duration.ofSeconds(30)).until(chat::botMessages, restored -> restored.size() == 2);
            assertThat(chat.userMessages()).as("the conversation restored from its history after a reload")
                    .containsExactly("How much is a new card?");
            assertThat(chat.conversationId()).isEqualTo(conversation);

            await().atMost(Duration.ofSeconds(30)).until(chat::following);
            chat.say("I want to talk to a human");
            await().atMost(Duration.ofSeconds(60)).until(chat::handoffState, "REQUESTED"::equals);
            agentDesk(settings, conversation, "accept", Map.of("agentId", "agent-7"));
            await().atMost(Duration.ofSeconds(30)).until(chat::handoffState, "ACCEPTED"::equals);
            agentDesk(settings, conversation, "messages", Map.of("agentId", "agent-7", "text", "Hi, I'm Sam."));
            await().atMost(Duration.ofSeconds(30)).until(chat::agentMessages, List.of("Hi, I'm Sam.")::equals);
            reviewInTheBrowser(settings, conversation);
        }
    }

    /**
     * dialog's review page: the web chat's conversation waits in the inbox; the reviewer corrects the intent of its
     * first message and approves it, which the training data then shows.
     */
    private static void reviewInTheBrowser(LocalSettings settings, String conversation)
            throws IOException, InterruptedException {
        String dialog = "http://127.0.0.1:" + Service.DIALOG.port(settings);
        try (ReviewPage review = ReviewPage.open(dialog + "/review.html#key=" + operatorKey(settings))) {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
                boolean listed = review.conversations().contains(conversation);
                if (!listed) {
                    review.refresh();
                }
                return listed;
            });
            review.choose(conversation);
            await().atMost(Duration.ofSeconds(10)).until(review::userMessages,
                    said -> said.contains("How much is a new card?"));
            review.correct(0, "card_delivery_estimate");
            review.approve();
            await().atMost(Duration.ofSeconds(10)).until(review::status, shown -> shown.startsWith("Approved"));
        }
        HttpResponse<String> utterances = HTTP.send(HttpRequest.newBuilder(URI.create(dialog + "/v1/assistants/"
                + LocalSuite.SAMPLE_TENANT + "/bank-support/training/utterances?below=1"))
                        .header("Authorization", "Bearer " + operatorKey(settings)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(JSON.readTree(utterances.body()).path("utterances")).anySatisfy(line -> {
            assertThat(line.path("conversationId").asText()).isEqualTo(conversation);
            assertThat(line.path("correctedIntent").asText()).isEqualTo("card_delivery_estimate");
            assertThat(line.path("correctedBy").asText()).isEqualTo("REVIEWER");
        });
    }

    /** What an agent desk does through the gateway: accept a handed-over conversation, write in it. */
    private static void agentDesk(LocalSettings settings, String conversation, String action, Map<String, String> body)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + settings.gatewayPort()
                        + "/v1/agent/conversations/" + conversation + "/" + action))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + operatorKey(settings))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
        assertThat(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(202);
    }

    @Test
    void portAlreadyInUseIsNamedInTheError(@TempDir Path workDir) throws IOException {
        try (ServerSocket taken = new ServerSocket(0)) {
            LocalSettings settings = settings(workDir, taken.getLocalPort());

            assertThatThrownBy(() -> LocalSuite.start(settings))
                    .hasMessageContaining("Port " + taken.getLocalPort() + " (for gateway-service) is already in use");
        }
    }

    static SseStream send(LocalSettings settings, String conversation, String text)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + settings.gatewayPort()
                        + "/v1/conversations/" + conversation + "/messages"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("text", text))))
                .timeout(Duration.ofSeconds(60))
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return SseStream.parse(response.body());
    }

    /**
     * The data-design loop on the real services: a reviewer approves the conversation, and bin/confab-export's code
     * writes it as a fine-tuning example and its messages as NLU review rows.
     */
    private static void reviewedAndExportedForTraining(LocalSettings settings, Path workDir)
            throws IOException, InterruptedException {
        String dialog = "http://127.0.0.1:" + Service.DIALOG.port(settings);
        HttpRequest review = HttpRequest.newBuilder(URI.create(dialog + "/v1/assistants/" + LocalSuite.SAMPLE_TENANT
                        + "/bank-support/conversations/" + CONVERSATION + "/review"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + operatorKey(settings))
                .PUT(HttpRequest.BodyPublishers.ofString("{\"verdict\": \"APPROVED\", \"reviewer\": \"qa\"}"))
                .build();
        assertThat(HTTP.send(review, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        Path train = workDir.resolve("train.jsonl");
        Path rows = workDir.resolve("review.csv");

        DataExport.run("--dataset", "fine-tuning", "--tenant", LocalSuite.SAMPLE_TENANT, "--assistant",
                "bank-support", "--out", train.toString(), "--dialog-url", dialog, "--api-key", operatorKey(settings));
        DataExport.run("--dataset", "nlu-review", "--tenant", LocalSuite.SAMPLE_TENANT, "--assistant",
                "bank-support", "--out", rows.toString(), "--dialog-url", dialog, "--below", "1", "--api-key", operatorKey(settings));

        List<String> examples = Files.readAllLines(train);
        assertThat(examples).hasSize(1);
        JsonNode messages = JSON.readTree(examples.get(0)).path("messages");
        assertThat(messages.findValuesAsText("role")).containsExactly("system", "user", "assistant", "user",
                "assistant", "user", "assistant");
        assertThat(messages.get(0).path("content").asText()).startsWith("You are Ava");
        assertThat(messages.findValuesAsText("content")).contains("How much is a new card?",
                "Hi, I'm Ava, Confab Bank's assistant. I can help with cards, transfers, top-ups and payments."
                        + "\n\nA new card is free.");
        assertThat(Files.readAllLines(rows)).first().asString()
                .isEqualTo("text,predicted,confidence,label,labelled_by,conversation_id,turn_id");
        assertThat(Files.readString(rows)).contains("How much is a new card?", "thank you");
    }

    private static String metrics(LocalSettings settings, Service service) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port(settings)
                + "/q/metrics")).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    /** The sample assistant's figures from analytics-service. */
    private static JsonNode analytics(LocalSettings settings) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + Service.ANALYTICS.port(settings) + "/v1/analytics/" + LocalSuite.SAMPLE_TENANT + "/bank-support"))
                .header("Authorization", "Bearer " + operatorKey(settings))
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private JsonNode parse(LocalSettings settings, String text) throws IOException, InterruptedException {
        int nluPort = settings.gatewayPort() + Service.NLU.ordinal();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + nluPort + "/v1/nlu/parse"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + operatorKey(settings))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("text", text))))
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** The key with every role the running suite wrote to its work directory. */
    private static String operatorKey(LocalSettings settings) throws IOException {
        return Files.readString(settings.workDir().resolve("operator.key")).strip();
    }

    private static List<String> transcript(LocalSettings settings, String conversation) {
        return Transcripts.read("jdbc:postgresql://127.0.0.1:" + settings.postgresPort() + "/confab_dialog",
                conversation);
    }

    /** This test's suites send their traces to the test collector. */
    private static LocalSettings settings(Path workDir) throws IOException {
        return settings(workDir, freePortBlock(Service.values().length), ollama, traces.endpoint());
    }

    /** Settings for a suite in {@code workDir} on free ports, with {@code sidecar} as its SLM and no tracing. */
    static LocalSettings settings(Path workDir, OllamaProtocolTestServer sidecar) throws IOException {
        return settings(workDir, freePortBlock(Service.values().length), sidecar, null);
    }

    private static LocalSettings settings(Path workDir, int gatewayPort) throws IOException {
        return settings(workDir, gatewayPort, ollama, null);
    }

    private static LocalSettings settings(Path workDir, int gatewayPort, OllamaProtocolTestServer sidecar,
                                          String otlpEndpoint) throws IOException {
        shareTrainedModels(workDir);
        return new LocalSettings(Path.of(System.getProperty("confab.root")), workDir,
                Path.of(System.getProperty("confab.lib")), gatewayPort, freePortBlock(2), freePortBlock(1),
                sidecar.baseUrl(), otlpEndpoint, LocalSettings.DEFAULT_SERVICE_JVM);
    }

    /**
     * Every suite the end-to-end tests start keeps nlu's trained models in one place, so only the first trains the
     * sample assistant (most of a suite's start) and the others load it, as a restarted local run does; a changed
     * assistant has another training key and is trained again.
     */
    private static void shareTrainedModels(Path workDir) throws IOException {
        Path shared = Files.createDirectories(Path.of(System.getProperty("confab.lib")).resolveSibling("e2e-nlu-models"));
        Path models = workDir.resolve("nlu-models");
        if (Files.notExists(models, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(workDir);
            Files.createSymbolicLink(models, shared);
        }
    }

    /**
     * The first port of {@code size} consecutive free ports, below the ephemeral range (Linux: 32768 and up): a port
     * the kernel may hand to any outgoing connection can be taken between being found free and a service binding it,
     * and a service that cannot bind its port exits.
     */
    private static int freePortBlock(int size) throws IOException {
        for (int attempt = 0; attempt < 200; attempt++) {
            int first = ThreadLocalRandom.current().nextInt(20_000, 32_000 - size);
            if (IntStream.range(first, first + size).allMatch(LocalSuiteIT::portIsFree)) {
                return first;
            }
        }
        throw new IOException("No block of " + size + " free ports");
    }

    private static boolean portIsFree(int port) {
        try (ServerSocket ignored = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
