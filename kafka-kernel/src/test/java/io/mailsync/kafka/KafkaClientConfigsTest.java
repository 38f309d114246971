package io.mailsync.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.reactive.messaging.kafka.impl.ConfigurationCleaner;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaClientConfigsTest {

  private final KafkaClientConfigs configs = new KafkaClientConfigs();

  @Test
  void aProducerKeepsOnlyWhatProducersKnow() {
    Map<String, Object> producer =
        config(
            "key.serializer", "x",
            "value.serializer", "x",
            "acks", "all",
            "bootstrap.servers", "b:9092",
            "client.id", "c",
            "group.id", "fetcher",
            "failure-strategy", "dead-letter-queue",
            "dead-letter-queue.topic", "fetcher.dlq",
            "consumer-rebalance-listener.name", "l",
            "graceful-shutdown", "true",
            "close-timeout", "1000",
            "max.poll.records", "5");

    configs.customize("messages", null, producer);

    assertThat(producer)
        .containsOnlyKeys(
            "key.serializer", "value.serializer", "acks", "bootstrap.servers", "client.id");
  }

  @Test
  void aConsumerKeepsOnlyWhatConsumersKnow() {
    Map<String, Object> consumer =
        config(
            "key.deserializer", "x",
            "value.deserializer", "x",
            "group.id", "fetcher",
            "auto.offset.reset", "earliest",
            "bootstrap.servers", "b:9092",
            "acks", "all",
            "enable.idempotence", "true",
            "cloud-events-mode", "binary",
            "close-timeout", "1000",
            "compression.type", "zstd");

    configs.customize("mailboxes", null, consumer);

    assertThat(consumer)
        .containsOnlyKeys(
            "key.deserializer",
            "value.deserializer",
            "group.id",
            "auto.offset.reset",
            "bootstrap.servers");
  }

  /**
   * Services set serializers and deserializers once, as connector defaults: the connector drops
   * each client's other pair before customizing it, so each is still told apart.
   */
  @Test
  void serializersAndDeserializersAsConnectorDefaultsLeaveEachClientItsKind() {
    Map<String, Object> consumer = bothPairs("group.id", "sender", "acks", "all");
    Map<String, Object> producer = bothPairs("group.id", "sender", "acks", "all");

    ConfigurationCleaner.cleanupConsumerConfiguration(consumer);
    ConfigurationCleaner.cleanupProducerConfiguration(producer);
    configs.customize("send-commands", null, consumer);
    configs.customize("sent", null, producer);

    assertThat(consumer).containsOnlyKeys("key.deserializer", "value.deserializer", "group.id");
    assertThat(producer).containsOnlyKeys("key.serializer", "value.serializer", "acks");
  }

  @Test
  void aSettingNoClientKnowsIsLeftForKafkaToReport() {
    Map<String, Object> producer = config("key.serializer", "x", "ackz", "all");
    Map<String, Object> other = config("bootstrap.servers", "b:9092", "acks", "all");

    configs.customize("messages", null, producer);
    configs.customize("admin", null, other);

    assertThat(producer).containsKey("ackz");
    assertThat(other).as("neither producer nor consumer").containsKey("acks");
  }

  private static Map<String, Object> bothPairs(String... pairs) {
    Map<String, Object> config = config(pairs);
    config.putAll(
        config(
            "key.serializer", "x",
            "value.serializer", "x",
            "key.deserializer", "x",
            "value.deserializer", "x"));
    return config;
  }

  private static Map<String, Object> config(String... pairs) {
    Map<String, Object> config = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      config.put(pairs[i], pairs[i + 1]);
    }
    return config;
  }
}
