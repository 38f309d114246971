package io.mailsync.testkit.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailsync.contracts.TopicDeclaration;
import io.mailsync.contracts.Topics;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class KafkaBrokerIT {

  private final KafkaBroker broker = KafkaBroker.shared();

  @Test
  void producesAndConsumesThroughARealBroker() throws Exception {
    String topic = "testkit.roundtrip." + UUID.randomUUID();
    broker.createTopics(topic);

    KafkaCompanion companion = TestTopics.companion();
    try (var producer = companion.produceStrings()) {
      producer
          .fromRecords(
              new ProducerRecord<>(topic, "tenant-1/m1", "hello"),
              new ProducerRecord<>(topic, "tenant-1/m2", "world"))
          .awaitCompletion(Duration.ofSeconds(30));
    }

    List<ConsumerRecord<String, String>> received;
    try (var consumer = companion.consumeStrings()) {
      received = consumer.fromTopics(topic, 2).awaitCompletion(Duration.ofSeconds(30)).getRecords();
    }
    assertThat(received)
        .extracting(ConsumerRecord::key, ConsumerRecord::value)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("tenant-1/m1", "hello"),
            org.assertj.core.groups.Tuple.tuple("tenant-1/m2", "world"));
  }

  @Test
  void createsDeclaredTopicsWithTheirPartitionsAndConfigsAndToleratesExistingOnes()
      throws Exception {
    TopicDeclaration declared =
        new TopicDeclaration(
            "testkit.compacted." + UUID.randomUUID(),
            3,
            TopicDeclaration.CleanupPolicy.COMPACT,
            Duration.ofHours(2));
    broker.createTopics(List.of(declared));
    broker.createTopics(List.of(declared));

    try (Admin admin = broker.admin()) {
      assertThat(partitions(admin, declared.name())).isEqualTo(3);
      Config config = config(admin, declared.name());
      assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
      assertThat(config.get("delete.retention.ms").value()).isEqualTo("7200000");
    }
  }

  @Test
  void createsEveryDeclaredMailsyncTopic() throws Exception {
    broker.createMailsyncTopics();

    try (Admin admin = broker.admin()) {
      for (TopicDeclaration declared : Topics.declarations()) {
        assertThat(partitions(admin, declared.name()))
            .as("%s partitions", declared.name())
            .isEqualTo(declared.partitions());
        Config config = config(admin, declared.name());
        declared
            .configs()
            .forEach(
                (key, value) ->
                    assertThat(config.get(key).value())
                        .as("%s %s", declared.name(), key)
                        .isEqualTo(value));
      }
    }
  }

  @Test
  void createsNoTopicByItself() throws Exception {
    String undeclared = "testkit.undeclared." + UUID.randomUUID();
    Properties props = new Properties();
    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "2000");

    try (KafkaProducer<String, String> producer = producer(props)) {
      assertThatThrownBy(() -> producer.send(new ProducerRecord<>(undeclared, "k", "v")).get())
          .hasMessageContaining("not present in metadata");
    }
    try (Admin admin = broker.admin()) {
      assertThat(admin.listTopics().names().get()).doesNotContain(undeclared);
    }
  }

  private static int partitions(Admin admin, String topic) throws Exception {
    return admin
        .describeTopics(List.of(topic))
        .allTopicNames()
        .get()
        .get(topic)
        .partitions()
        .size();
  }

  private static Config config(Admin admin, String topic) throws Exception {
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    Map<ConfigResource, Config> configs = admin.describeConfigs(List.of(resource)).all().get();
    return configs.get(resource);
  }

  @Test
  void sharedBrokerIsOneChildProcess() {
    assertThat(KafkaBroker.shared()).isSameAs(broker);
    assertThat(ProcessHandle.of(broker.pid())).isPresent();
    assertThat(broker.bootstrapServers()).startsWith("127.0.0.1:");
  }

  private KafkaProducer<String, String> producer(Properties props) {
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
  }
}
