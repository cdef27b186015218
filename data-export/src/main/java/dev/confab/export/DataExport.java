package dev.confab.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import dev.confab.guardrails.input.PiiFinder;
import dev.confab.guardrails.input.Placeholders;
import dev.confab.nlu.engine.eval.Options;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code bin/confab-export}: the data-design loop's output. {@code fine-tuning} writes an assistant's approved
 * conversations as chat JSONL; {@code nlu-review} writes its weakly understood, out-of-scope and corrected user
 * messages as CSV for labelling. Personal data is redacted on the way out; a file is complete or absent.
 */
public final class DataExport {

    static final String USAGE = "usage: bin/confab-export --dataset fine-tuning|nlu-review --tenant ID "
            + "--assistant ID --out FILE [--dialog-url http://localhost:8082] [--api-key KEY (or $CONFAB_API_KEY)] "
            + "[--below 0.5] [--phone-region GB]";

    private DataExport() {
    }

    public static void main(String[] args) {
        try {
            System.out.println(run(args));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
        } catch (IOException e) {
            System.err.println("Export failed: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Runs one export with the command's options; the file is written only when every page was read. */
    public static ExportSummary run(String... args) throws IOException {
        // The key (a reviewer's) may come from the environment, so it is not left in the shell's history.
        Map<String, String> options = Options.parse(args, Map.of("--dialog-url", "http://localhost:8082",
                        "--api-key", System.getenv().getOrDefault("CONFAB_API_KEY", ""),
                        "--below", "0.5", "--phone-region", "GB"),
                List.of("--dataset", "--tenant", "--assistant", "--out"), List.of());
        DialogClient dialog = new DialogClient(URI.create(options.get("--dialog-url")), options.get("--api-key"),
                options.get("--tenant"), options.get("--assistant"));
        PiiFinder finder = new PiiFinder(options.get("--phone-region"));
        Path out = Path.of(options.get("--out"));
        Path partial = out.resolveSibling(out.getFileName() + ".part");
        ExportSummary summary;
        try (Writer writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            summary = switch (options.get("--dataset")) {
                case "fine-tuning" -> fineTuning(dialog, finder, writer, out);
                case "nlu-review" -> nluReview(dialog, finder, number(options.get("--below")), writer, out);
                default -> throw new IllegalArgumentException("--dataset is fine-tuning or nlu-review, not "
                        + options.get("--dataset"));
            };
        } catch (UncheckedIOException e) {
            Files.deleteIfExists(partial);
            throw e.getCause();
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return summary;
    }

    private static ExportSummary fineTuning(DialogClient dialog, PiiFinder finder, Writer writer, Path out)
            throws IOException {
        ObjectMapper json = new ObjectMapper();
        StringBuilder system = new StringBuilder();
        AtomicInteger written = new AtomicInteger();
        AtomicInteger skipped = new AtomicInteger();
        AtomicInteger redacted = new AtomicInteger();
        dialog.approvedConversations(system::append, conversation -> ChatExample
                .of(system.toString(), conversation, finder)
                .ifPresentOrElse(example -> {
                    unchecked(() -> writer.write(json.writeValueAsString(Map.of("messages", example.messages()))
                            + "\n"));
                    written.incrementAndGet();
                    redacted.addAndGet(example.redacted());
                }, skipped::incrementAndGet));
        return new ExportSummary("fine-tuning", written.get(), skipped.get(), redacted.get(), out);
    }

    private static ExportSummary nluReview(DialogClient dialog, PiiFinder finder, double below, Writer writer,
                                           Path out) throws IOException {
        CsvMapper csv = new CsvMapper();
        AtomicInteger written = new AtomicInteger();
        AtomicInteger redacted = new AtomicInteger();
        try (SequenceWriter rows = csv.writer(csv.schemaFor(ReviewRow.class).withHeader()).writeValues(writer)) {
            dialog.utterances(below, utterance -> {
                Placeholders placeholders = new Placeholders(finder);
                ReviewRow row = ReviewRow.of(utterance, placeholders);
                unchecked(() -> rows.write(row));
                redacted.addAndGet(placeholders.size());
                written.incrementAndGet();
            });
        }
        return new ExportSummary("nlu-review", written.get(), 0, redacted.get(), out);
    }

    /** Writes from inside the page callbacks; {@link #run} unwraps the failure and deletes the partial file. */
    private static void unchecked(Write write) {
        try {
            write.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One write to the output file. */
    @FunctionalInterface
    private interface Write {
        void run() throws IOException;
    }

    private static double number(String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--below is a confidence between 0 and 1, not " + value);
        }
    }
}
