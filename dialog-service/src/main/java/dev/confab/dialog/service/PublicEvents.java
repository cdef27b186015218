package dev.confab.dialog.service;

import dev.confab.contracts.event.BotMessage;
import dev.confab.contracts.event.Envelope;
import dev.confab.contracts.event.EventPayload;
import dev.confab.contracts.event.SlotSet;
import dev.confab.contracts.event.TurnStarted;
import dev.confab.dialog.config.DialogConfig;
import dev.confab.guardrails.input.PiiFinder;
import dev.confab.guardrails.input.Placeholders;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Dialog's events as other teams read them on {@code conversation.events}: personal data in what users and the bot
 * said, and in slot values, behind the placeholders generation shows the model, unless
 * {@code dialog.public-events.redact-pii=false}.
 */
@ApplicationScoped
public class PublicEvents {

    private final PiiFinder finder;

    public PublicEvents(DialogConfig config) {
        this.finder = config.publicEvents().redactPii() ? new PiiFinder(config.publicEvents().phoneRegion()) : null;
    }

    /** The event as it leaves dialog; the same event when it carries nothing to hide. */
    public Envelope visible(Envelope event) {
        if (finder == null) {
            return event;
        }
        // One set of placeholders per event: a card number said twice in it is [CARD_NUMBER_1] both times.
        Placeholders placeholders = new Placeholders(finder);
        EventPayload payload = event.payload();
        if (payload instanceof TurnStarted started) {
            return event.withVisiblePayload(new TurnStarted(placeholders.redact(started.text()), started.intent(),
                    started.confidence(), started.outOfScope(), started.language(), started.channel()));
        }
        if (payload instanceof BotMessage said) {
            return event.withVisiblePayload(new BotMessage(placeholders.redact(said.text()), said.provenance(),
                    said.citations(), said.response()));
        }
        if (payload instanceof SlotSet set) {
            return event.withVisiblePayload(new SlotSet(set.slot(), placeholders.redact(set.value()),
                    placeholders.redact(set.previous()), set.corrected(), set.source()));
        }
        return event;
    }
}
