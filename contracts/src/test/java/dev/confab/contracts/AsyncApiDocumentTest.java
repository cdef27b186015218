package dev.confab.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.confab.contracts.event.EventType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
        assertThat(message.path("bindings").path("kafka").path("key").path("description").asText())
                .isEqualTo("conversation id");
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
