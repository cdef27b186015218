package dev.confab.retrieval.engine.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A retrieval test collection in the BEIR layout: {@code corpus.jsonl} ({@code _id}, {@code title}, {@code text}),
 * {@code queries.jsonl} ({@code _id}, {@code text}) and {@code qrels.tsv} (query id, corpus id, graded relevance).
 *
 * @param qrels per query id, the relevance grade of each relevant corpus id; queries without any are not scored
 */
public record BeirDataset(Map<String, Entry> corpus, Map<String, String> queries,
                          Map<String, Map<String, Integer>> qrels) {

    /** One corpus document. */
    public record Entry(String id, String title, String text) {
    }

    public static BeirDataset read(Path corpus, Path queries, Path qrels) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (JsonNode line : jsonLines(json, corpus)) {
            String id = line.path("_id").asText();
            entries.put(id, new Entry(id, line.path("title").asText(""), line.path("text").asText()));
        }
        Map<String, String> questions = new LinkedHashMap<>();
        for (JsonNode line : jsonLines(json, queries)) {
            questions.put(line.path("_id").asText(), line.path("text").asText());
        }
        Map<String, Map<String, Integer>> judgements = new HashMap<>();
        for (String line : Files.readAllLines(qrels)) {
            String[] columns = line.split("\t");
            if (columns.length < 3 || columns[0].equals("query-id")) {
                continue;
            }
            int grade = Integer.parseInt(columns[2].strip());
            if (grade > 0) {
                judgements.computeIfAbsent(columns[0], id -> new HashMap<>()).put(columns[1], grade);
            }
        }
        return new BeirDataset(entries, questions, judgements);
    }

    private static List<JsonNode> jsonLines(ObjectMapper json, Path file) throws IOException {
        return Files.readAllLines(file).stream()
                .filter(line -> !line.isBlank())
                .map(line -> {
                    try {
                        return json.readTree(line);
                    } catch (IOException e) {
                        throw new IllegalArgumentException("Not a JSON line in " + file + ": " + line, e);
                    }
                })
                .toList();
    }
}
