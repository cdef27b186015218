package dev.confab.local.conversation;

import dev.confab.bundle.load.BundleProblem;
import dev.confab.bundle.load.InvalidBundleException;
import dev.confab.local.LocalUsers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code bin/confab-test}: runs an assistant's conversation tests against a running suite and prints one line per
 * test; the exit status is 1 when any fails.
 */
public final class ConversationTestTool {

    private static final String USAGE = """
            usage: confab-test DIR [--gateway URL] [--bootstrap-servers HOST:PORT] [--work-dir DIR]
              DIR is an assistant's tests directory, e.g. assistants/bank-support/tests
            """;

    private ConversationTestTool() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || !Files.isDirectory(Path.of(args[0])) || args.length % 2 == 0) {
            System.err.print(USAGE);
            System.exit(2);
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        List<ConversationTest> tests;
        try {
            tests = ConversationTestFiles.read(Path.of(args[0]));
        } catch (InvalidBundleException e) {
            e.problems().stream().map(BundleProblem::toString).forEach(System.err::println);
            System.exit(1);
            return;
        }
        int failed = 0;
        Path workDir = Path.of(options.getOrDefault("--work-dir", ".local-run"));
        try (ConversationTestRunner runner = new ConversationTestRunner(
                options.getOrDefault("--gateway", "http://localhost:8080"),
                options.getOrDefault("--bootstrap-servers", "localhost:19092"),
                user -> LocalUsers.tokenFor(workDir, user))) {
            for (ConversationTest test : tests) {
                List<String> failures = runner.run(test);
                System.out.printf("%s  %s (%s)%n", failures.isEmpty() ? "PASS" : "FAIL", test.name(), test.where());
                failures.forEach(failure -> System.out.println("      " + failure));
                failed += failures.isEmpty() ? 0 : 1;
            }
        }
        System.out.printf("%d tests, %d failed%n", tests.size(), failed);
        System.exit(failed == 0 ? 0 : 1);
    }
}
