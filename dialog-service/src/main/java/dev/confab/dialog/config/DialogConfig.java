package dev.confab.dialog.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Settings of the conversation engine's service; what an assistant does is in its bundle. */
@ConfigMapping(prefix = "dialog")
public interface DialogConfig {

    /** How many knowledge passages to ask retrieval for. */
    @WithDefault("3")
    int retrievalTopK();

    /** Bundle versions kept per assistant, so conversations in flight finish on theirs. */
    @WithDefault("5")
    int bundleVersionsKept();

    /** Where dialog's API is reachable from an agent desk; handoff packets link to transcripts under it. */
    @WithDefault("http://localhost:8082")
    String publicUrl();

    /** Outbox events not published after commit (a crash, Kafka down) are retried this often... */
    @WithDefault("2s")
    Duration outboxRelayEvery();

    /** ...once they are this old, so the relay does not race the publication right after commit. */
    @WithDefault("5s")
    Duration outboxRelayAfter();

    /**
     * How long a turn's later messages wait for a rephrased one before they go out anyway: generation answers
     * with the template itself when the model fails, so only a generation-service outage reaches this.
     */
    @WithDefault("15s")
    Duration rephraseHold();

    /**
     * How often conversations whose users went quiet past their assistant's timeout are ended (INACTIVITY); read
     * by the sweep's schedule as {@code dialog.inactivity-sweep-every}.
     */
    @WithDefault("30s")
    Duration inactivitySweepEvery();

    /**
     * How long the ids of consumed events are kept to recognise a redelivery: longer than any topic dialog reads
     * retains its records (Kafka's default is 7 days), since a record can be redelivered only while it exists.
     */
    @WithDefault("8d")
    Duration consumedEventsKept();

    /** How often ids of consumed events older than {@link #consumedEventsKept()} are deleted. */
    @WithDefault("10m")
    Duration consumedEventsPruneEvery();

    /**
     * The hosts each tenant's actions may call ({@code dialog.action-hosts.<tenant>=cards.bank.example,...}); a
     * tenant not listed calls no action.
     */
    Map<String, List<String>> actionHosts();

    /** What the public {@code conversation.events} stream may say of what users and the bot said. */
    PublicEvents publicEvents();

    /** The public stream's view of conversations. */
    interface PublicEvents {

        /**
         * Whether message texts and slot values there carry personal data (card numbers, IBANs, e-mail addresses,
         * phone numbers) behind generation's placeholders ({@code [CARD_NUMBER_1]}); the user's own replies and the
         * tenant's transcript keep the words as said.
         */
        @WithDefault("true")
        boolean redactPii();

        /** Where phone numbers written without a country code are from (ISO 3166). */
        @WithDefault("GB")
        String phoneRegion();
    }
}
