package dev.confab.export;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.confab.export.DialogApi.Utterance;
import dev.confab.guardrails.input.Placeholders;

/**
 * One line of the NLU review set: a user message (personal data hidden), what the NLU read, and the intent it
 * really meant when someone said so; a reviewer fills in the empty labels and adds the rows to the bundle's examples.
 */
@JsonPropertyOrder({"text", "predicted", "confidence", "label", "labelled_by", "conversation_id", "turn_id"})
record ReviewRow(String text, String predicted, Double confidence, String label,
                 @JsonProperty("labelled_by") String labelledBy,
                 @JsonProperty("conversation_id") String conversationId,
                 @JsonProperty("turn_id") String turnId) {

    static ReviewRow of(Utterance utterance, Placeholders placeholders) {
        return new ReviewRow(placeholders.redact(utterance.text()), utterance.intent(),
                utterance.confidence(), utterance.correctedIntent(), utterance.correctedBy(),
                utterance.conversationId(), utterance.turnId());
    }
}
