package io.mailsync.sender;

import io.mailsync.contracts.ContractRecord;
import io.mailsync.contracts.EventJson;
import io.mailsync.contracts.kafka.CloudEventMetadata;
import io.mailsync.testkit.kafka.KafkaBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes records the way other services do and reads topics back, for the sender's ITs. */
final class SenderTopics {

  static final Duration WAIT = Duration.ofSeconds(60);

  /** Publishes a contract record with binary CloudEvents headers, as an Emitter would. */
  static void publish(String topic, ContractRecord record) {
    try {
      send(
          new ProducerRecord<>(
              topic,
              null,
              record.key(),
              EventJson.mapper().writeValueAsBytes(record),
              CloudEventMetadata.headers(record, URI.create("/mailsync/test"))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void publishRaw(String topic, String key, byte[] value) {
    send(new ProducerRecord<>(topic, key, value));
  }

  private static void send(ProducerRecord<String, byte[]> record) {
    Properties props = new Properties();
    props.put("bootstrap.servers", KafkaBroker.shared().bootstrapServers());
    props.put("acks", "all");
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
      producer.send(record).get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("could not publish to " + record.topic(), e);
    }
  }

  /** Reads {@code topic} from the start until {@code count} records match, or fails after WAIT. */
  static List<ConsumerRecord<String, byte[]>> await(
      String topic, Predicate<ConsumerRecord<String, byte[]>> matching, int count) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.shared().bootstrapServers());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (System.nanoTime() < deadline) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          if (matching.test(record)) {
            found.add(record);
          }
        }
        if (found.size() >= count) {
          return found;
        }
      }
    }
    throw new AssertionError(
        "expected " + count + " matching records on " + topic + ", found " + found.size());
  }

  static String header(ConsumerRecord<?, ?> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  static <T> T value(ConsumerRecord<String, byte[]> record, Class<T> type) {
    try {
      return EventJson.mapper().readValue(record.value(), type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String text(ConsumerRecord<String, byte[]> record) {
    return new String(record.value(), StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }

  private SenderTopics() {}
}
