package dev.confab.guardrails.output;

import dev.confab.guardrails.input.PiiFinder;
import dev.confab.guardrails.input.Placeholders;
import dev.confab.nlu.engine.entity.EntityMatch;

import java.util.Optional;

/**
 * Personal data in the answer that the user did not give in this conversation: a small model that "remembers" a
 * card number or invents a phone number must not show it. The user's own details, restored from placeholders, pass.
 */
final class PersonalDataLeak implements SentenceRail {

    private final PiiFinder finder;
    private final Placeholders placeholders;

    PersonalDataLeak(PiiFinder finder, Placeholders placeholders) {
        this.finder = finder;
        this.placeholders = placeholders;
    }

    @Override
    public String name() {
        return "pii";
    }

    @Override
    public Optional<String> violation(String sentence) {
        return finder.find(sentence).stream()
                .filter(match -> !placeholders.isUsers(match))
                .findFirst()
                .map(EntityMatch::entity)
                .map(kind -> "shows a " + kind.replace('_', ' ') + " the user did not give");
    }
}
