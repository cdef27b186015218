package dev.confab.dialog.engine;

import dev.confab.contracts.event.CategoryValue;
import dev.confab.contracts.event.EntityValue;
import dev.confab.contracts.event.IntentScore;
import dev.confab.contracts.event.IntentSpan;
import dev.confab.contracts.event.MessageUnderstood;

import java.util.ArrayList;
import java.util.List;

/** Builds what the NLU would make of a message, so engine tests read like conversations. */
final class Said {

    private final String text;
    private final List<IntentScore> intents = new ArrayList<>();
    private final List<EntityValue> entities = new ArrayList<>();
    private final List<IntentSpan> parts = new ArrayList<>();
    private final List<CategoryValue> categories = new ArrayList<>();
    private boolean outOfScope;
    private boolean ambiguous;

    private Said(String text) {
        this.text = text;
    }

    static Said text(String text) {
        return new Said(text);
    }

    Said intent(String intent) {
        intents.add(new IntentScore(intent, intents.isEmpty() ? 0.9 : 0.05));
        return this;
    }

    /** An entity whose text occurs in the message, with the NLU's normalised value. */
    Said entity(String entity, String surface, String value) {
        int start = text.indexOf(surface);
        entities.add(new EntityValue(entity, surface, value, start, start + surface.length(), "rule", 1.0));
        return this;
    }

    /** One request of a message that carries several, in the order said; {@code clause} occurs in the text. */
    Said part(String intent, String clause) {
        int start = text.indexOf(clause);
        parts.add(new IntentSpan(intent, 0.9, start, start + clause.length()));
        return this;
    }

    /** The NLU read the whole message as meaning this value of a category slot. */
    Said meaning(String slot, String value) {
        categories.add(new CategoryValue(slot, value, 0.5));
        return this;
    }

    Said outOfScope() {
        outOfScope = true;
        return this;
    }

    /** The NLU could not choose between the first two intents. */
    Said ambiguous() {
        ambiguous = true;
        return this;
    }

    MessageUnderstood understood() {
        return new MessageUnderstood(text, "en", intents, outOfScope, ambiguous, parts, entities, "test", "web",
                null).withCategories(categories);
    }
}
