package io.mailsync.testkit.kafka;

import io.mailsync.contracts.ContractRecord;
import io.mailsync.contracts.EventJson;
import io.mailsync.contracts.EventType;
import io.mailsync.contracts.kafka.CloudEventMetadata;
import io.mailsync.contracts.kafka.ContractSerializer;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerBuilder;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.ProducerBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.awaitility.Awaitility;

/**
 * The tests' one way onto the test broker ({@link KafkaBroker#shared()}), through SmallRye's {@link
 * KafkaCompanion}: contract records are published as the services write them (their key, the {@link
 * ContractSerializer} value and the {@link CloudEventMetadata#headers} set), and records are read
 * back with {@code String} keys and raw values, decoded on demand.
 */
public final class TestTopics {

  /** How long a test waits for records it expects. */
  public static final Duration WAIT = Duration.ofSeconds(60);

  /** The {@code ce_source} of the records tests publish. */
  public static final URI SOURCE = URI.create("/mailsync/tests");

  private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
  private static KafkaCompanion companion;

  /** The companion of the test broker, for what the methods below do not cover. */
  public static synchronized KafkaCompanion companion() {
    String bootstrapServers = KafkaBroker.shared().bootstrapServers();
    if (companion == null || !companion.getBootstrapServers().equals(bootstrapServers)) {
      if (companion != null) {
        companion.close();
      }
      companion = new KafkaCompanion(bootstrapServers);
    }
    return companion;
  }

  /** Publishes a contract record to its topic, with the headers the services write. */
  public static void publish(ContractRecord record) {
    String topic = EventType.of(record).topic();
    send(
        new ProducerRecord<>(
            topic,
            null,
            record.key(),
            new ContractSerializer().serialize(topic, record),
            headers(record)));
  }

  /** The headers {@link #publish} gives {@code record}. */
  public static Headers headers(ContractRecord record) {
    return CloudEventMetadata.headers(record, SOURCE);
  }

  /** Writes any value (a tombstone when null) without headers, e.g. a poison record. */
  public static RecordMetadata publishRaw(String topic, String key, byte[] value) {
    return send(new ProducerRecord<>(topic, key, value));
  }

  /** Writes any value with the given headers; returns where it landed. */
  public static RecordMetadata publishRaw(String topic, String key, byte[] value, Headers headers) {
    return send(new ProducerRecord<>(topic, null, key, value, headers));
  }

  /** Writes the record as given (partition, key, value, headers); returns where it landed. */
  public static RecordMetadata publish(ProducerRecord<String, byte[]> record) {
    return send(record);
  }

  private static RecordMetadata send(ProducerRecord<String, byte[]> record) {
    try (ProducerBuilder<String, byte[]> producer =
        companion().produce(String.class, byte[].class)) {
      return producer.fromRecords(record).awaitCompletion(WAIT).getFirstRecord();
    }
  }

  /** Reads {@code topic} from its start until a record matches; fails after {@link #WAIT}. */
  public static ConsumerRecord<String, byte[]> await(
      String topic, Predicate<ConsumerRecord<String, byte[]>> matching) {
    return await(topic, matching, 1).getFirst();
  }

  /** Reads {@code topic} from its start until {@code count} records match, within {@link #WAIT}. */
  public static List<ConsumerRecord<String, byte[]>> await(
      String topic, Predicate<ConsumerRecord<String, byte[]>> matching, int count) {
    return await(topic, matching, count, WAIT);
  }

  /** Reads {@code topic} from its start until {@code count} records match, within the timeout. */
  public static List<ConsumerRecord<String, byte[]>> await(
      String topic,
      Predicate<ConsumerRecord<String, byte[]>> matching,
      int count,
      Duration timeout) {
    try (ConsumerBuilder<String, byte[]> consumer = consumer();
        ConsumerTask<String, byte[]> records = consumer.fromTopics(topic)) {
      return Awaitility.await(count + " matching record(s) on " + topic)
          .atMost(timeout)
          .pollInterval(POLL_INTERVAL)
          .until(
              () -> records.getRecords().stream().filter(matching).toList(),
              found -> found.size() >= count);
    }
  }

  /** Every record on {@code topic} from its start up to its end as of this call. */
  public static List<ConsumerRecord<String, byte[]>> readAll(String topic) {
    List<TopicPartition> partitions =
        companion().topics().describe(topic).get(topic).partitions().stream()
            .map(p -> new TopicPartition(topic, p.partition()))
            .toList();
    Map<TopicPartition, Long> start = offsets(partitions, OffsetSpec.earliest());
    Map<TopicPartition, Long> end = offsets(partitions, OffsetSpec.latest());
    try (ConsumerBuilder<String, byte[]> consumer = consumer();
        ConsumerTask<String, byte[]> records = consumer.fromOffsets(start)) {
      Awaitility.await(topic + " read to its end")
          .atMost(WAIT)
          .pollInterval(POLL_INTERVAL)
          // the consumer's position is unknown until its partitions are assigned
          .ignoreExceptionsInstanceOf(IllegalStateException.class)
          .until(() -> partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p)));
      return records.getRecords();
    }
  }

  private static Map<TopicPartition, Long> offsets(
      List<TopicPartition> partitions, OffsetSpec spec) {
    return companion()
        .offsets()
        .list(partitions.stream().collect(Collectors.toMap(Function.identity(), p -> spec)))
        .entrySet()
        .stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
  }

  private static ConsumerBuilder<String, byte[]> consumer() {
    return companion()
        .consume(String.class, byte[].class)
        .withProp(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
  }

  /** The record's value as the contract record {@code type}. */
  public static <T> T value(ConsumerRecord<String, byte[]> record, Class<T> type) {
    try {
      return EventJson.mapper().readValue(record.value(), type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The record's value as text. */
  public static String text(ConsumerRecord<String, byte[]> record) {
    return new String(record.value(), StandardCharsets.UTF_8);
  }

  /**
   * The last value of the header {@code name}, as Kafka's {@code lastHeader} and the consumers read
   * it, or null when the record has none. A dead letter's own headers are read by {@link
   * io.mailsync.contracts.kafka.DeadLetter#text}.
   */
  public static String header(ConsumerRecord<?, ?> record, String name) {
    return header(record.headers(), name);
  }

  /** The last value of the header {@code name} among {@code headers}, or null when none. */
  public static String header(Headers headers, String name) {
    Header header = headers.lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  private TestTopics() {}
}
