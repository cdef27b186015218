package dev.confab.gateway.messaging;

import dev.confab.contracts.event.Envelope;
import dev.confab.contracts.event.EventJson;
import dev.confab.contracts.event.ReplyDone;
import dev.confab.contracts.rest.InvalidRequestException;
import dev.confab.gateway.StreamEvent;
import dev.confab.gateway.StreamPosition;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.subscription.MultiEmitter;
import jakarta.ws.rs.WebApplicationException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * One resuming client's read of a {@code chat.outbound} partition: from the event it last got, every later reply of
 * its conversation, until the partition's end as of the resume and the turn then under way is done.
 */
final class CatchUp {

    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration FIRST_READ = Duration.ofSeconds(5);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final TopicPartition partition;
    private final String tenant;
    private final String conversationId;
    private final long end;
    private final Duration idleTimeout;
    private final Deque<ConsumerRecord<byte[], byte[]>> unread;
    private String openTurn;

    private CatchUp(KafkaConsumer<byte[], byte[]> consumer, TopicPartition partition, String tenant,
                    String conversationId, long end, Duration idleTimeout) {
        this.consumer = consumer;
        this.partition = partition;
        this.tenant = tenant;
        this.conversationId = conversationId;
        this.end = end;
        this.idleTimeout = idleTimeout;
        this.unread = new ArrayDeque<>();
    }

    /**
     * Finds the event the client last got and checks it is one of this tenant's conversation (an unknown id and
     * another conversation's are refused alike, so ids cannot be probed).
     */
    static CatchUp open(KafkaConsumer<byte[], byte[]> consumer, String topic, String tenant, String conversationId,
                        StreamPosition seen, Duration idleTimeout) {
        TopicPartition partition = new TopicPartition(topic, seen.partition());
        if (consumer.partitionsFor(topic).stream().noneMatch(info -> info.partition() == seen.partition())) {
            throw notOfThisConversation(seen);
        }
        consumer.assign(List.of(partition));
        long first = consumer.beginningOffsets(List.of(partition)).get(partition);
        long end = consumer.endOffsets(List.of(partition)).get(partition);
        if (seen.offset() >= end) {
            throw notOfThisConversation(seen);
        }
        if (seen.offset() < first) {
            throw new WebApplicationException("Replies after event " + seen + " are no longer kept; load the "
                    + "conversation's history instead", 410);
        }
        consumer.seek(partition, seen.offset());
        CatchUp catchUp = new CatchUp(consumer, partition, tenant, conversationId, end, idleTimeout);
        ConsumerRecord<byte[], byte[]> last = catchUp.firstRecord();
        Envelope reply = read(last);
        if (last.offset() != seen.offset() || reply == null || !catchUp.isOurs(reply)) {
            throw notOfThisConversation(seen);
        }
        catchUp.openTurn = reply.payload() instanceof ReplyDone ? null : reply.turnId();
        return catchUp;
    }

    /** Emits the missed replies, then completes; stops early when the client goes away. */
    void run(MultiEmitter<? super StreamEvent> emitter) {
        long lastOfTurn = System.nanoTime();
        while (!emitter.isCancelled()) {
            if (unread.isEmpty()) {
                consumer.poll(POLL).records(partition).forEach(unread::add);
            }
            while (!unread.isEmpty()) {
                ConsumerRecord<byte[], byte[]> record = unread.poll();
                Envelope reply = read(record);
                if (reply == null || !isOurs(reply)) {
                    continue;
                }
                StreamEvent.from(reply, new StreamPosition(record.partition(), record.offset()))
                        .ifPresent(emitter::emit);
                if (reply.turnId().equals(openTurn)) {
                    lastOfTurn = System.nanoTime();
                    if (reply.payload() instanceof ReplyDone) {
                        openTurn = null;
                    }
                }
            }
            if (openTurn == null && consumer.position(partition) >= end) {
                break;
            }
            if (openTurn != null && System.nanoTime() - lastOfTurn > idleTimeout.toNanos()) {
                Log.warnf("Turn %s of conversation %s got no reply while its client resumed", openTurn,
                        conversationId);
                emitter.emit(StreamEvent.error("The assistant could not reply in time. Please try again."));
                emitter.emit(StreamEvent.done(0));
                break;
            }
        }
        emitter.complete();
    }

    private ConsumerRecord<byte[], byte[]> firstRecord() {
        long deadline = System.nanoTime() + FIRST_READ.toNanos();
        while (unread.isEmpty() && System.nanoTime() < deadline) {
            consumer.poll(POLL).records(partition).forEach(unread::add);
        }
        if (unread.isEmpty()) {
            throw new WebApplicationException("The reply stream could not be read back; try again", 503);
        }
        return unread.poll();
    }

    private boolean isOurs(Envelope reply) {
        return reply.tenantId().equals(tenant) && reply.conversationId().equals(conversationId);
    }

    private static Envelope read(ConsumerRecord<byte[], byte[]> record) {
        try {
            return record.value() == null ? null : EventJson.read(record.value());
        } catch (RuntimeException unreadable) {
            Log.debugf("Skipped an unreadable record at %s-%d", record.partition(), record.offset());
            return null;
        }
    }

    private static InvalidRequestException notOfThisConversation(StreamPosition seen) {
        return new InvalidRequestException("Last-Event-ID " + seen + " is not an event of this conversation");
    }
}
