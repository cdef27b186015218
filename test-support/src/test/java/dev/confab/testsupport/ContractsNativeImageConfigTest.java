package dev.confab.testsupport;

import dev.confab.contracts.bundle.BundleRelease;
import dev.confab.contracts.event.BotMessage;
import dev.confab.contracts.event.Envelope;
import dev.confab.contracts.event.EventType;
import dev.confab.contracts.rest.Problem;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every type of the event contract is registered for reflection in a native executable, where Jackson cannot
 * discover them (an envelope's payload class is chosen at run time by its type). Lives here, not in contracts,
 * because contracts cannot depend on the module that checks it.
 */
class ContractsNativeImageConfigTest {

    @Test
    void everyEventTypeAndWhatItContainsIsRegistered() {
        Class<?>[] roots = Stream.concat(Stream.of(Envelope.class, BundleRelease.class, Problem.class),
                        Arrays.stream(EventType.values()).map(EventType::payloadClass))
                .toArray(Class<?>[]::new);

        assertThat(NativeImageConfig.unregistered("contracts", "dev.confab.contracts.", roots)).isEmpty();
    }

    @Test
    void theCheckSeesNestedTypesAndGenericArguments() {
        assertThat(NativeImageConfig.reachable(BotMessage.class))
                .contains("dev.confab.contracts.event.Citation", "dev.confab.contracts.event.Provenance");
    }
}
