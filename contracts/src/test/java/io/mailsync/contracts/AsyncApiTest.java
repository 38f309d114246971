package io.mailsync.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Keeps asyncapi.yaml in step with {@link Topics} and {@link EventType}. */
class AsyncApiTest {

  private static JsonNode asyncApi;

  @BeforeAll
  static void load() throws IOException {
    try (InputStream in = AsyncApiTest.class.getResourceAsStream("/asyncapi.yaml")) {
      asyncApi = new ObjectMapper(new YAMLFactory()).readTree(in);
    }
  }

  @Test
  void isAsyncApi3() {
    assertThat(asyncApi.path("asyncapi").asText()).startsWith("3.");
  }

  @Test
  void namesEveryTopicAndNoOther() {
    List<String> addresses = new ArrayList<>();
    asyncApi.path("channels").forEach(c -> addresses.add(c.path("address").asText()));

    // dead-letter topics carry other topics' records, described with those
    List<String> expected =
        Topics.declarations().stream()
            .filter(topic -> !Topics.Declared.DEAD_LETTERS.contains(topic))
            .map(TopicDeclaration::name)
            .toList();
    assertThat(addresses).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void eachChannelStatesItsTopicsDeclaredPartitionsPolicyAndRetention() {
    asyncApi
        .path("channels")
        .forEach(
            channel -> {
              String address = channel.path("address").asText();
              TopicDeclaration declared =
                  Topics.declaration(address)
                      .orElseThrow(() -> new AssertionError(address + " is not declared"));
              JsonNode kafka = channel.at("/bindings/kafka");
              JsonNode configuration = kafka.path("topicConfiguration");

              assertThat(kafka.path("topic").asText()).isEqualTo(address);
              assertThat(kafka.path("partitions").asInt())
                  .as("%s partitions", address)
                  .isEqualTo(declared.partitions());
              assertThat(configuration.path("cleanup.policy").get(0).asText())
                  .as("%s cleanup.policy", address)
                  .isEqualTo(declared.cleanupPolicy().config());
              String retention = declared.compacted() ? "delete.retention.ms" : "retention.ms";
              assertThat(configuration.path(retention).asLong())
                  .as("%s %s", address, retention)
                  .isEqualTo(declared.retention().toMillis());
            });
  }

  @ParameterizedTest
  @EnumSource(EventType.class)
  void describesEachEventOnItsTopicWithItsSchemaAndType(EventType type) {
    String name = type.recordType().getSimpleName();
    JsonNode message = asyncApi.at("/components/messages/" + name);

    assertThat(message.isMissingNode()).as("components.messages.%s", name).isFalse();
    assertThat(message.path("x-cloudevents-type").asText()).isEqualTo(type.cloudEventType());
    assertThat(message.at("/payload/schema/$ref").asText()).isEqualTo("." + type.schemaResource());
    assertThat(message.at("/bindings/kafka/key/type").asText()).isEqualTo("string");
    assertThat(channelOf(name).path("address").asText()).isEqualTo(type.topic());
  }

  @ParameterizedTest
  @EnumSource(EventType.class)
  void referencedSchemaExists(EventType type) {
    assertThat(AsyncApiTest.class.getResource(type.schemaResource())).isNotNull();
  }

  private static JsonNode channelOf(String messageName) {
    for (JsonNode channel : asyncApi.path("channels")) {
      if (channel.path("messages").has(messageName)) {
        return channel;
      }
    }
    throw new AssertionError("no channel carries " + messageName);
  }
}
