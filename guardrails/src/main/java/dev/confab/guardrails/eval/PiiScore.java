package dev.confab.guardrails.eval;

import dev.confab.guardrails.Guardrails;
import dev.confab.guardrails.input.PiiFinder;
import dev.confab.nlu.engine.entity.EntityMatch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static dev.confab.guardrails.eval.GuardrailEval.rate;

/** Recall of personal-data redaction by kind, its precision, and how often it fires on ordinary messages. */
final class PiiScore {

    private final PiiFinder finder;

    PiiScore(Guardrails guardrails) {
        this.finder = guardrails.pii();
    }

    /** @param labelled lines of {@code kinds<TAB>message}, kinds comma-separated or {@code -} for none */
    Map<String, Object> score(List<String> labelled, List<String> ordinary) {
        Map<String, int[]> byKind = new TreeMap<>();
        int found = 0;
        int wrong = 0;
        List<String> misses = new ArrayList<>();
        for (String line : labelled) {
            if (line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\t", 2);
            List<String> expected = parts[0].equals("-") ? List.of() : Arrays.asList(parts[0].split(","));
            List<String> kinds = finder.find(parts[1]).stream().map(EntityMatch::entity).toList();
            for (String kind : expected) {
                int[] counts = byKind.computeIfAbsent(kind, k -> new int[2]);
                counts[1]++;
                if (kinds.contains(kind)) {
                    counts[0]++;
                } else {
                    misses.add(kind + ": " + parts[1]);
                }
            }
            found += kinds.size();
            wrong += (int) kinds.stream().filter(kind -> !expected.contains(kind)).count();
            if (!kinds.isEmpty() && expected.isEmpty()) {
                misses.add("false positive " + kinds + ": " + parts[1]);
            }
        }
        Map<String, Object> report = new LinkedHashMap<>();
        Map<String, Double> recall = new LinkedHashMap<>();
        byKind.forEach((kind, counts) -> recall.put(kind, rate(counts[0], counts[1])));
        report.put("recall_by_kind", recall);
        report.put("recall", rate(byKind.values().stream().mapToInt(c -> c[0]).sum(),
                byKind.values().stream().mapToInt(c -> c[1]).sum()));
        report.put("precision", found == 0 ? 0 : rate(found - wrong, found));
        report.put("errors", misses);
        List<String> flagged = ordinary.stream().filter(text -> !finder.find(text).isEmpty()).toList();
        report.put("banking77_messages_flagged", rate(flagged.size(), ordinary.size()));
        report.put("banking77_flagged_examples", flagged.subList(0, Math.min(10, flagged.size())));
        return report;
    }
}
