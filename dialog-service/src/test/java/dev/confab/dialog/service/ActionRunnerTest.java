package dev.confab.dialog.service;

import dev.confab.contracts.event.Envelope;
import dev.confab.contracts.event.UserMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The idempotency key of an action step: what lets the bank act once however often dialog tries the step. */
class ActionRunnerTest {

    private static final Envelope TURN = Envelope.first("acme", "bank-support", "c-1", "t-7", null,
            new UserMessage("yes", "web", null));

    @Test
    void aStepTriedAgainHasTheSameKeyAndEveryOtherStepAnother() {
        Envelope redelivered = Envelope.first("acme", "bank-support", "c-1", "t-7", null,
                new UserMessage("yes", "web", null));

        assertThat(ActionRunner.idempotencyKey(redelivered, "block_card", 0))
                .as("the same turn's step, delivered again as another event")
                .isEqualTo(ActionRunner.idempotencyKey(TURN, "block_card", 0));
        assertThat(ActionRunner.idempotencyKey(TURN, "block_card", 1))
                .isNotEqualTo(ActionRunner.idempotencyKey(TURN, "block_card", 0));
        assertThat(ActionRunner.idempotencyKey(TURN, "order_card", 0))
                .isNotEqualTo(ActionRunner.idempotencyKey(TURN, "block_card", 0));
        assertThat(ActionRunner.idempotencyKey(Envelope.first("acme", "bank-support", "c-1", "t-8", null,
                new UserMessage("yes", "web", null)), "block_card", 0))
                .isNotEqualTo(ActionRunner.idempotencyKey(TURN, "block_card", 0));
    }
}
