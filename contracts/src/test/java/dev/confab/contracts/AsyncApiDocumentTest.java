package dev.confab.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.confab.contracts.event.EventType;
import dev.confab.contracts.event.RecordKeys;
import dev.confab.contracts.topics.TopicCatalog;
import dev.confab.contracts.topics.TopicSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** The AsyncAPI document names every topic and event type the code uses, so the published contract cannot drift. */
class AsyncApiDocumentTest {

    private final JsonNode asyncApi = read();

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyEventTypeIsPublishedOnItsTopicWithItsSchema(EventType type) {
        JsonNode channel = channelFor(type.topic());
        String messageId = type.wireName().replace('.', '_');
        JsonNode message = asyncApi.path("components").path("messages").path(messageId);

        assertThat(channel.path("messages").has(messageId)).as("%s listed on %s", type, type.topic()).isTrue();
        assertThat(message.path("payload").path("schema").path("$ref").asText()).isEqualTo(type.schemaResource());
        assertThat(message.path("bindings").path("kafka").path("key").path("pattern").asText())
                .as("the key the code writes").isEqualTo(RecordKeys.pattern(type));
        assertThat(getClass().getResource("/" + type.schemaResource())).as("schema file").isNotNull();
    }

    @Test
    void everyChannelIsATopicTheCodeKnows() throws IllegalAccessException {
        List<String> topics = new ArrayList<>();
        for (Field field : Topics.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers())) {
                topics.add((String) field.get(null));
            }
        }
        List<String> addresses = StreamSupport.stream(asyncApi.path("channels").spliterator(), false)
                .map(channel -> channel.path("address").asText())
                .toList();

        assertThat(addresses).containsExactlyInAnyOrderElementsOf(topics);
        assertThat(Arrays.stream(EventType.values()).map(EventType::topic).distinct()).allMatch(topics::contains);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gateway-service", "nlu-service", "dialog-service", "generation-service",
            "retrieval-service", "analytics-service"})
    void everyTopicAServiceReadsHasAReceiveOperationNamingIt(String service) throws IOException {
        Properties config = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of("..", service, "src/main/resources/application.properties"))) {
            config.load(in);
        }
        List<String> consumed = config.stringPropertyNames().stream()
                .filter(name -> name.matches("mp\\.messaging\\.incoming\\.[^.]+\\.topic"))
                .map(config::getProperty)
                .distinct()
                .toList();
        assertThat(consumed).isNotEmpty();

        for (String topic : consumed) {
            assertThat(StreamSupport.stream(asyncApi.path("operations").spliterator(), false)
                    .filter(operation -> operation.path("action").asText().equals("receive"))
                    .filter(operation -> operation.path("channel").path("$ref").asText()
                            .equals("#/channels/" + channelIdOf(topic)))
                    .map(operation -> operation.path("summary").asText()))
                    .as("a receive operation on %s naming %s", topic, service)
                    .anyMatch(summary -> summary.contains(service));
        }
    }

    @Test
    void assistantBundlesAreDescribedAsTheCatalogueProvisionsThem() {
        JsonNode binding = channelFor(Topics.ASSISTANT_BUNDLES).path("bindings").path("kafka");
        TopicSpec spec = TopicCatalog.topics(6, Duration.ofDays(7), Duration.ofDays(400)).stream()
                .filter(topic -> topic.name().equals(Topics.ASSISTANT_BUNDLES))
                .findFirst()
                .orElseThrow();

        assertThat(binding.path("topic").asText()).isEqualTo(spec.name());
        assertThat(binding.path("partitions").asInt()).isEqualTo(spec.partitions());
        assertThat(binding.path("topicConfiguration").path("cleanup.policy").get(0).asText())
                .isEqualTo(spec.configs().get("cleanup.policy"));
        assertThat(binding.path("topicConfiguration").path("retention.ms").asText())
                .isEqualTo(spec.configs().get("retention.ms"));
    }

    private String channelIdOf(String topic) {
        Iterator<Map.Entry<String, JsonNode>> channels = asyncApi.path("channels").fields();
        while (channels.hasNext()) {
            Map.Entry<String, JsonNode> channel = channels.next();
            if (channel.getValue().path("address").asText().equals(topic)) {
                return channel.getKey();
            }
        }
        throw new AssertionError("No channel for topic " + topic);
    }

    private JsonNode channelFor(String topic) {
        return StreamSupport.stream(asyncApi.path("channels").spliterator(), false)
                .filter(channel -> channel.path("address").asText().equals(topic))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No channel for topic " + topic));
    }

    private static JsonNode read() {
        try (InputStream in = AsyncApiDocumentTest.class.getResourceAsStream("/asyncapi.yaml")) {
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new AssertionError("asyncapi.yaml is unreadable", e);
        }
    }
}
