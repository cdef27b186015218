package dev.confab.local.conversation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.confab.bundle.load.BundleProblem;
import dev.confab.bundle.load.InvalidBundleException;
import dev.confab.bundle.load.YamlDocument;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;

/**
 * Reads conversation tests from the YAML files of a directory (an assistant's {@code tests/}):
 * <pre>
 * tests:
 *   - name: blocks a stolen card
 *     user_id: u-1                  # optional
 *     turns:
 *       - user: I lost my card
 *         bot: last four digits     # or a list; each regex must match one of the turn's messages
 *         intent: lost_or_stolen_card
 *         flow: block_card          # or none
 *         slots: {loss_kind: lost}
 *         handoff: false
 * </pre>
 * Mistakes are reported as {@code file:line:column: message}, like bundle problems.
 */
public final class ConversationTestFiles {

    private static final int MAX_FILE_CHARS = 1_000_000;

    private ConversationTestFiles() {
    }

    public static List<ConversationTest> read(Path directory) {
        List<ConversationTest> tests = new ArrayList<>();
        List<BundleProblem> problems = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".yaml")).sorted().toList()) {
                String name = directory.getFileName() + "/" + file.getFileName();
                YamlDocument document = YamlDocument.parse(name, Files.readString(file), MAX_FILE_CHARS, problems);
                JsonNode list = document.root().path("tests");
                if (!list.isArray()) {
                    problems.add(document.problem("", "a test file has a 'tests' list"));
                    continue;
                }
                for (int i = 0; i < list.size(); i++) {
                    tests.add(test(document, list.get(i), "/tests/" + i, problems));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the conversation tests in " + directory, e);
        }
        if (!problems.isEmpty()) {
            throw new InvalidBundleException(problems);
        }
        return tests;
    }

    private static ConversationTest test(YamlDocument document, JsonNode node, String pointer,
                                         List<BundleProblem> problems) {
        if (!node.path("name").isTextual() || !node.path("turns").isArray() || node.path("turns").isEmpty()) {
            problems.add(document.problem(pointer, "a test has a 'name' and a list of 'turns'"));
        }
        List<ConversationTest.Turn> turns = new ArrayList<>();
        JsonNode list = node.path("turns");
        for (int i = 0; i < list.size(); i++) {
            turns.add(turn(document, list.get(i), pointer + "/turns/" + i, problems));
        }
        return new ConversationTest(node.path("name").asText(), where(document, pointer),
                node.hasNonNull("user_id") ? node.get("user_id").asText() : null, turns);
    }

    private static ConversationTest.Turn turn(YamlDocument document, JsonNode node, String pointer,
                                              List<BundleProblem> problems) {
        if (!node.path("user").isTextual()) {
            problems.add(document.problem(pointer, "a turn says what the 'user' writes"));
        }
        List<Pattern> bot = new ArrayList<>();
        JsonNode expected = node.path("bot");
        for (JsonNode pattern : expected.isArray() ? expected : List.of(expected)) {
            if (pattern.isMissingNode() || pattern.isNull()) {
                continue;
            }
            try {
                bot.add(Pattern.compile(pattern.asText(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL));
            } catch (PatternSyntaxException e) {
                problems.add(document.problem(pointer + "/bot", "invalid pattern: " + e.getDescription()));
            }
        }
        Map<String, String> slots = null;
        if (node.has("slots")) {
            slots = new LinkedHashMap<>();
            Map<String, String> values = slots;
            node.get("slots").fields().forEachRemaining(slot -> values.put(slot.getKey(),
                    slot.getValue().isNull() ? null : slot.getValue().asText()));
        }
        return new ConversationTest.Turn(where(document, pointer), node.path("user").asText(), bot,
                text(node, "intent"), slots, text(node, "flow"),
                node.has("handoff") ? node.get("handoff").asBoolean() : null);
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    private static String where(YamlDocument document, String pointer) {
        BundleProblem at = document.problem(pointer, "");
        return at.file() + ":" + at.line();
    }
}
