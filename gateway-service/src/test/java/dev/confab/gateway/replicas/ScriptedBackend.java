package dev.confab.gateway.replicas;

import dev.confab.contracts.Topics;
import dev.confab.contracts.event.Envelope;
import dev.confab.contracts.event.EventJson;
import dev.confab.contracts.event.Provenance;
import dev.confab.contracts.event.ReplyDone;
import dev.confab.contracts.event.ReplyMessage;
import dev.confab.contracts.event.ReplyToken;
import dev.confab.contracts.event.UserMessage;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Plays the services behind the gateway: answers every user message with "You said: …" in three tokens, a message
 * and done, written where the message asks (its reply partition), as every Confab producer of replies does.
 */
final class ScriptedBackend implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaProducer<String, byte[]> producer;
    private final Thread loop;

    ScriptedBackend(String bootstrapServers) {
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringDeserializer(), new ByteArrayDeserializer());
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(), new ByteArraySerializer());
        List<TopicPartition> inbound = consumer.partitionsFor(Topics.CHAT_INBOUND, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .toList();
        consumer.assign(inbound);
        consumer.seekToEnd(inbound);
        inbound.forEach(consumer::position);
        loop = new Thread(this::answerUntilClosed, "scripted-backend");
        loop.start();
    }

    private void answerUntilClosed() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    Envelope event = EventJson.read(record.value());
                    if (event.payload() instanceof UserMessage message) {
                        answer(event, message.text());
                    }
                }
            }
        } catch (WakeupException closing) {
            // close() woke the poll up
        } finally {
            consumer.close();
        }
    }

    private void answer(Envelope message, String text) {
        List<String> tokens = List.of("You ", "said: ", text);
        for (int i = 0; i < tokens.size(); i++) {
            send(message.next(new ReplyToken(i, tokens.get(i))));
        }
        send(message.next(new ReplyMessage(String.join("", tokens), Provenance.GENERATIVE, List.of())));
        send(message.next(new ReplyDone(1)));
    }

    private void send(Envelope reply) {
        producer.send(new ProducerRecord<>(Topics.CHAT_OUTBOUND, reply.replyPartition(), reply.conversationId(),
                EventJson.write(reply)));
    }

    @Override
    public void close() throws InterruptedException {
        consumer.wakeup();
        loop.join();
        producer.close();
    }
}
