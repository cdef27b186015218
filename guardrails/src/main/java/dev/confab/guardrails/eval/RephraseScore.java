package dev.confab.guardrails.eval;

import dev.confab.contracts.event.ChatTurn;
import dev.confab.contracts.event.GuardrailPolicy;
import dev.confab.guardrails.Embeddings;
import dev.confab.guardrails.Guardrails;
import dev.confab.guardrails.output.OutputMonitor;
import dev.confab.nlu.engine.Vectors;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.confab.guardrails.eval.GuardrailEval.key;
import static dev.confab.guardrails.eval.GuardrailEval.rate;

/**
 * How the output rails on a rephrasing separate faithful rewordings (which the user should see) from ones that
 * drop or change what the template says (which must give way to the template): at the configured similarity with
 * every rail, and swept over the similarity alone.
 */
final class RephraseScore {

    private final Guardrails guardrails;
    private final Embeddings embeddings;

    RephraseScore(Guardrails guardrails, Embeddings embeddings) {
        this.guardrails = guardrails;
        this.embeddings = embeddings;
    }

    /** @param labelled lines of {@code faithful|unfaithful<TAB>template<TAB>rephrasing} */
    Map<String, Object> score(List<String> labelled, double[] sweep) {
        List<String[]> pairs = labelled.stream()
                .filter(line -> !line.startsWith("#"))
                .map(line -> line.split("\t", 3))
                .toList();
        int faithful = 0;
        int kept = 0;
        int caught = 0;
        List<String> errors = new ArrayList<>();
        List<double[]> similarities = new ArrayList<>();
        for (String[] pair : pairs) {
            boolean isFaithful = pair[0].equals("faithful");
            faithful += isFaithful ? 1 : 0;
            boolean retracted = retracted(pair[1], pair[2]);
            if (isFaithful && !retracted) {
                kept++;
            } else if (!isFaithful && retracted) {
                caught++;
            } else {
                errors.add((isFaithful ? "retracted: " : "kept: ") + pair[2] + "  (template: " + pair[1] + ")");
            }
            similarities.add(new double[] {isFaithful ? 1 : 0,
                    Vectors.dot(embeddings.embed(pair[1]), embeddings.embed(pair[2]))});
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("faithful_kept", rate(kept, faithful));
        report.put("unfaithful_retracted", rate(caught, pairs.size() - faithful));
        report.put("errors", errors);
        Map<String, Object> bySimilarity = new LinkedHashMap<>();
        for (double threshold : sweep) {
            long keptAt = similarities.stream().filter(s -> s[0] == 1 && s[1] >= threshold).count();
            long caughtAt = similarities.stream().filter(s -> s[0] == 0 && s[1] < threshold).count();
            bySimilarity.put(key(threshold), Map.of("faithful_kept", rate(keptAt, faithful),
                    "unfaithful_retracted", rate(caughtAt, pairs.size() - faithful)));
        }
        report.put("similarity_alone", bySimilarity);
        return report;
    }

    private boolean retracted(String template, String rephrasing) {
        OutputMonitor monitor = guardrails.watchRephrasing(GuardrailPolicy.defaults(),
                guardrails.redact(GuardrailPolicy.defaults(), List.<ChatTurn>of()), template);
        monitor.accept(rephrasing);
        monitor.finish();
        return monitor.retracted();
    }
}
