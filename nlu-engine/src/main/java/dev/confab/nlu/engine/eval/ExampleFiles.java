package dev.confab.nlu.engine.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.confab.nlu.engine.Example;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads and writes labelled utterances: the jsonl format of bin/nlu-eval and the public datasets' own formats. */
public final class ExampleFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ExampleFiles() {
    }

    /** One {@code {"text": ..., "intent": ...}} object per line; blank lines are skipped. */
    public static List<Example> readJsonl(Path file) {
        return readJsonl(file, false);
    }

    /** As {@link #readJsonl(Path)}; with {@code unlabelled} the intent may be missing (then it is null). */
    public static List<Example> readJsonl(Path file, boolean unlabelled) {
        try {
            return parse(Files.readAllLines(file), file.toString(), unlabelled);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /** Parses jsonl lines; {@code source} names them in errors, which give the line number. */
    public static List<Example> parseJsonl(List<String> lines, String source) {
        return parse(lines, source, false);
    }

    private static List<Example> parse(List<String> lines, String source, boolean unlabelled) {
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            JsonNode row;
            try {
                row = JSON.readTree(lines.get(i));
            } catch (IOException e) {
                throw new IllegalArgumentException(source + ":" + (i + 1) + ": not JSON", e);
            }
            boolean labelled = row.path("intent").isTextual();
            if (!row.path("text").isTextual() || !(labelled || unlabelled)) {
                throw new IllegalArgumentException(source + ":" + (i + 1) + ": needs string fields text and intent");
            }
            examples.add(new Example(row.get("text").asText(), labelled ? row.get("intent").asText() : null));
        }
        return examples;
    }

    public static void writeJsonl(Path file, List<Example> examples) {
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            for (Example example : examples) {
                out.write(JSON.writeValueAsString(Map.of("text", example.text(), "intent", example.intent())));
                out.newLine();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    /** BANKING77's {@code train.csv}: a header, then {@code text,category} rows (texts may be quoted). */
    public static List<Example> readBanking77(Path csv) {
        CsvMapper mapper = new CsvMapper();
        try (MappingIterator<Map<String, String>> rows = mapper.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader())
                .readValues(csv.toFile())) {
            List<Example> examples = new ArrayList<>();
            rows.forEachRemaining(row -> examples.add(new Example(row.get("text").strip(), row.get("category"))));
            return examples;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + csv, e);
        }
    }

    /** CLINC150's {@code data_train_val.json}: the lists under the given keys, each of {@code [text, intent]}. */
    public static List<Example> readClinc150(Path json, String... keys) {
        try {
            JsonNode data = JSON.readTree(json.toFile());
            List<Example> examples = new ArrayList<>();
            for (String key : keys) {
                for (JsonNode pair : data.path(key)) {
                    examples.add(new Example(pair.get(0).asText(), pair.get(1).asText()));
                }
            }
            return examples;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + json, e);
        }
    }
}
