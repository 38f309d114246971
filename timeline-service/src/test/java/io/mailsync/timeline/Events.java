package io.mailsync.timeline;

import io.mailsync.contracts.ContractRecord;
import io.mailsync.contracts.EventType;
import io.mailsync.contracts.kafka.CloudEventMetadata;
import io.mailsync.contracts.kafka.ContractSerializer;
import io.mailsync.testkit.kafka.KafkaBroker;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes contract records the way the services do (CloudEvents binary headers) and reads them.
 */
public final class Events {

  /** Publishes a contract record with the headers the services write. */
  public static void publish(ContractRecord record) {
    send(
        new ProducerRecord<>(
            EventType.of(record).topic(),
            null,
            record.key(),
            new ContractSerializer().serialize(EventType.of(record).topic(), record),
            CloudEventMetadata.headers(record, URI.create("/tests"))));
  }

  private static void send(ProducerRecord<String, byte[]> out) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.shared().bootstrapServers());
    try (var producer =
        new KafkaProducer<String, byte[]>(props, new StringSerializer(), (t, d) -> d)) {
      producer.send(out).get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Reads a topic from the start until a record matches, or fails after 60 s. */
  public static ConsumerRecord<String, String> await(
      String topic, Predicate<ConsumerRecord<String, String>> match) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.shared().bootstrapServers());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<String> seen = new ArrayList<>();
    try (var consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
          if (match.test(record)) {
            return record;
          }
          seen.add(record.key());
        }
      }
    }
    throw new AssertionError("no matching record on " + topic + "; saw keys " + seen);
  }

  public static String header(ConsumerRecord<?, ?> record, String name) {
    var header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  private Events() {}
}
