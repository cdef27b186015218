package dev.confab.contracts;

import dev.confab.contracts.event.Envelope;
import dev.confab.contracts.event.EventJson;
import dev.confab.contracts.event.ReplyDone;
import dev.confab.contracts.event.ReplyToken;
import dev.confab.contracts.event.UserMessage;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How the envelope carries a turn from event to event, and how it treats events it does not know. */
class EnvelopeTest {

    @Test
    void nextEventKeepsTheTurnsRoutingButIsANewEvent() {
        Envelope first = new Envelope(UUID.randomUUID(), "user.message", 1, Instant.now(), "acme", "bank", "7", "c-1",
                "t-1", null, 2, null, new UserMessage("hi", "web"));

        Envelope next = first.next(new ReplyToken(0, "Hello"));

        assertThat(next.eventId()).isNotEqualTo(first.eventId());
        assertThat(next.type()).isEqualTo("reply.token");
        assertThat(next).extracting(Envelope::tenantId, Envelope::assistantId, Envelope::assistantVersion,
                        Envelope::conversationId, Envelope::turnId)
                .containsExactly("acme", "bank", "7", "c-1", "t-1");
        assertThat(next.causationId()).isEqualTo(first.eventId());
        assertThat(next.replyPartition()).as("replies go to the replica that holds the stream").isEqualTo(2);
        assertThat(EventJson.read(EventJson.write(next)).causationId()).isEqualTo(first.eventId());
    }

    @Test
    void eventOfATypeThisBuildDoesNotKnowIsReadWithoutPayload() {
        byte[] future = EventJson.write(Envelope.first("acme", "bank", "c-1", "t-1", null, new ReplyDone(1)));
        String renamed = new String(future, StandardCharsets.UTF_8).replace("reply.done", "reply.future");

        Envelope read = EventJson.read(renamed.getBytes(StandardCharsets.UTF_8));

        assertThat(read.type()).isEqualTo("reply.future");
        assertThat(read.payload()).isNull();
    }

    @Test
    void malformedPayloadOfAKnownTypeIsRefusedWithTheTypeNamed() {
        byte[] event = EventJson.write(Envelope.first("acme", "bank", "c-1", "t-1", null, new ReplyToken(0, "x")));
        String broken = new String(event, StandardCharsets.UTF_8).replace("\"index\":0", "\"index\":\"zero\"");

        assertThatThrownBy(() -> EventJson.read(broken.getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("reply.token");
    }
}
