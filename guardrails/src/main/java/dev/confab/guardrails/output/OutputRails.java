package dev.confab.guardrails.output;

import dev.confab.contracts.event.GuardrailPolicy;
import dev.confab.guardrails.Embeddings;
import dev.confab.guardrails.GuardrailSettings;
import dev.confab.guardrails.input.PiiFinder;
import dev.confab.guardrails.input.Placeholders;

import java.util.ArrayList;
import java.util.List;

/** Builds the output rails a policy switches on, cheapest first, so a sentence stops at the first failure quickly. */
public final class OutputRails {

    private OutputRails() {
    }

    /**
     * @param sources  what the answer must be grounded in
     * @param template for a rephrasing, the template it must mean as a whole; {@code null} otherwise
     */
    public static OutputMonitor monitor(GuardrailPolicy policy, Placeholders placeholders, PiiFinder pii,
                                        Embeddings embeddings, GuardrailSettings settings, List<String> sources,
                                        String template) {
        List<SentenceRail> rails = new ArrayList<>();
        if (!policy.bannedPhrases().isEmpty()) {
            rails.add(new BannedPhrases(policy.bannedPhrases()));
        }
        rails.add(new PersonaRules(policy.neverAskFor()));
        if (policy.redactPii()) {
            rails.add(new PersonalDataLeak(pii, placeholders));
        }
        if (policy.grounded() && !sources.isEmpty()) {
            rails.add(new Groundedness(embeddings, sources, settings.groundedOverlap(), settings.groundedSimilarity()));
        }
        Faithfulness faithfulness = template == null ? null
                : new Faithfulness(embeddings, template, settings.rephraseSimilarity());
        return new OutputMonitor(new PlaceholderRestorer(placeholders), rails, faithfulness);
    }

    /** A monitor that shows text as it is. */
    public static OutputMonitor none() {
        return new OutputMonitor(new PlaceholderRestorer(new Placeholders(null)), List.of(), null);
    }
}
