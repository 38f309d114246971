package io.mailsync.testkit.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class KafkaBrokerIT {

  private final KafkaBroker broker = KafkaBroker.shared();

  @Test
  void producesAndConsumesThroughARealBroker() throws Exception {
    String topic = "testkit.roundtrip." + UUID.randomUUID();
    broker.createTopics(topic);

    try (KafkaProducer<String, String> producer = producer()) {
      producer.send(new ProducerRecord<>(topic, "tenant-1/m1", "hello")).get();
      producer.send(new ProducerRecord<>(topic, "tenant-1/m2", "world")).get();
    }

    List<ConsumerRecord<String, String>> received = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = consumer()) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (received.size() < 2 && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(received::add);
      }
    }
    assertThat(received)
        .extracting(ConsumerRecord::key, ConsumerRecord::value)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("tenant-1/m1", "hello"),
            org.assertj.core.groups.Tuple.tuple("tenant-1/m2", "world"));
  }

  @Test
  void createsCompactedTopicsAndToleratesExistingOnes() throws Exception {
    String compacted = "testkit.compacted." + UUID.randomUUID();
    broker.createTopics(List.of(compacted), List.of(compacted));
    broker.createTopics(List.of(compacted), List.of(compacted));

    try (Admin admin = broker.admin()) {
      ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, compacted);
      Map<ConfigResource, Config> configs = admin.describeConfigs(List.of(resource)).all().get();
      assertThat(configs.get(resource).get("cleanup.policy").value()).isEqualTo("compact");
    }
  }

  @Test
  void sharedBrokerIsOneChildProcess() {
    assertThat(KafkaBroker.shared()).isSameAs(broker);
    assertThat(ProcessHandle.of(broker.pid())).isPresent();
    assertThat(broker.bootstrapServers()).startsWith("127.0.0.1:");
  }

  private KafkaProducer<String, String> producer() {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
  }

  private KafkaConsumer<String, String> consumer() {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "testkit-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
  }
}
