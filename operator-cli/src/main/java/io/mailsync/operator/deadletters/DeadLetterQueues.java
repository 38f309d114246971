package io.mailsync.operator.deadletters;

import io.mailsync.contracts.TopicDeclaration;
import io.mailsync.contracts.Topics;
import io.mailsync.contracts.kafka.DeadLetter;
import io.mailsync.contracts.kafka.RecordCoordinates;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Reads and redrives the dead letters on a broker. What has been redriven is remembered as the
 * committed offset of the consumer group {@value #REDRIVE_GROUP} on each dead-letter partition: a
 * redrive starts there and commits past every letter it republished, so a repeated command does not
 * redrive a letter again. A redrive that stops between republishing and committing republishes
 * those letters once more next time, which the consumers' idempotence (by event id) makes harmless.
 */
final class DeadLetterQueues implements AutoCloseable {

  /** The consumer group whose committed offsets mark redriven letters. */
  private static final String REDRIVE_GROUP = "mailsync-dead-letter-redrive";

  private static final Duration POLL = Duration.ofMillis(500);
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final KafkaConsumer<byte[], byte[]> consumer;

  /** Reads source topics, outside any group. */
  private final KafkaConsumer<byte[], byte[]> scanner;

  private final String bootstrapServers;

  DeadLetterQueues(String bootstrapServers) {
    this.bootstrapServers = bootstrapServers;
    this.consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG,
                REDRIVE_GROUP,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                "false",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed"),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer());
    this.scanner =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                "false"),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer());
  }

  /** Every letter on {@code topic}, oldest first per partition. */
  List<Letter> list(String topic) {
    List<Letter> letters = new ArrayList<>();
    for (TopicPartition partition : partitions(topic)) {
      long end = consumer.endOffsets(List.of(partition), TIMEOUT).get(partition);
      read(partition, beginning(partition), end, letters::add);
    }
    return letters;
  }

  /** The letter at {@code offset} of {@code topic}-{@code partition}, if it is still there. */
  Optional<Letter> find(String topic, int partition, long offset) {
    TopicPartition tp = partition(topic, partition);
    if (offset < beginning(tp) || offset >= consumer.endOffsets(List.of(tp), TIMEOUT).get(tp)) {
      return Optional.empty();
    }
    List<Letter> found = new ArrayList<>();
    read(tp, offset, offset + 1, found::add);
    return found.stream().findFirst();
  }

  /**
   * Republishes every letter of {@code topic}-{@code partition} not yet redriven, up to and
   * including {@code through} (or all of them), to its source topic and partition with its original
   * key, value and headers; reports each letter as it goes.
   */
  RedriveReport redrive(
      String topic, int partition, Optional<Long> through, Consumer<String> progress) {
    TopicPartition tp = partition(topic, partition);
    long start = Math.max(committed(tp), beginning(tp));
    long end = consumer.endOffsets(List.of(tp), TIMEOUT).get(tp);
    if (through.isPresent()) {
      end = Math.min(end, through.get() + 1);
    }
    RedriveReport report = new RedriveReport();
    if (start >= end) {
      return report;
    }
    try (KafkaProducer<byte[], byte[]> producer = producer()) {
      List<Letter> batch = new ArrayList<>();
      long position = start;
      while (position < end) {
        batch.clear();
        position = readBatch(tp, position, end, batch::add);
        for (Letter letter : batch) {
          republish(producer, letter, report, progress);
        }
        consumer.commitSync(Map.of(tp, new OffsetAndMetadata(position)), TIMEOUT);
      }
    }
    return report;
  }

  private void republish(
      KafkaProducer<byte[], byte[]> producer,
      Letter letter,
      RedriveReport report,
      Consumer<String> progress) {
    String name = letter.coordinates().toString();
    Optional<RecordCoordinates> source = letter.source();
    if (source.isEmpty()) {
      report.skipped++;
      progress.accept("skipped " + name + ": it does not say which record it holds (kept)");
      return;
    }
    ConsumerRecord<byte[], byte[]> record = letter.record();
    if (superseded(source.get(), record.key())) {
      report.skipped++;
      progress.accept(
          "skipped "
              + name
              + ": a newer record of its key follows it on the compacted "
              + source.get().topic()
              + ", which a redrive would overwrite (kept)");
      return;
    }
    ProducerRecord<byte[], byte[]> original =
        new ProducerRecord<>(
            source.get().topic(),
            source.get().partition(),
            record.key(),
            record.value(),
            DeadLetter.sourceHeaders(record.headers()));
    RecordMetadata written = await(producer.send(original), name);
    report.redriven++;
    progress.accept(
        "redriven "
            + name
            + " -> "
            + new RecordCoordinates(written.topic(), written.partition(), written.offset()));
  }

  /**
   * On a compacted topic the latest record of a key is its state, so republishing an old one would
   * undo every later change of that key.
   */
  private boolean superseded(RecordCoordinates source, byte[] key) {
    boolean compacted =
        Topics.declaration(source.topic()).map(TopicDeclaration::compacted).orElse(false);
    if (!compacted || key == null) {
      return false;
    }
    TopicPartition tp = new TopicPartition(source.topic(), source.partition());
    long end = scanner.endOffsets(List.of(tp), TIMEOUT).get(tp);
    List<ConsumerRecord<byte[], byte[]>> later = new ArrayList<>();
    for (long position = source.offset() + 1; position < end; later.clear()) {
      position = pollPast(scanner, tp, position, end, later::add);
      if (later.stream().anyMatch(record -> Arrays.equals(record.key(), key))) {
        return true;
      }
    }
    return false;
  }

  private static RecordMetadata await(Future<RecordMetadata> send, String name) {
    try {
      return send.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while redriving " + name, e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "could not redrive " + name + ": " + e.getCause().getMessage(), e.getCause());
    }
  }

  private void read(TopicPartition tp, long from, long end, Consumer<Letter> sink) {
    long position = from;
    while (position < end) {
      position = readBatch(tp, position, end, sink);
    }
  }

  /**
   * Reads from {@code from} towards {@code end} until at least one offset is passed; returns the
   * position reached.
   */
  private long readBatch(TopicPartition tp, long from, long end, Consumer<Letter> sink) {
    long redrivenBelow = committed(tp);
    return pollPast(
        consumer,
        tp,
        from,
        end,
        record -> sink.accept(new Letter(record, record.offset() < redrivenBelow)));
  }

  /**
   * Polls {@code tp} from {@code from} until the position passes it, handing on each record below
   * {@code end}; returns the position reached (at most {@code end}), and fails when it does not
   * move within {@link #TIMEOUT}.
   */
  private static long pollPast(
      KafkaConsumer<byte[], byte[]> reader,
      TopicPartition tp,
      long from,
      long end,
      Consumer<ConsumerRecord<byte[], byte[]>> sink) {
    reader.assign(List.of(tp));
    reader.seek(tp, from);
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      for (ConsumerRecord<byte[], byte[]> record : reader.poll(POLL).records(tp)) {
        if (record.offset() < end) {
          sink.accept(record);
        }
      }
      // Transaction markers occupy offsets without a record, so the position is what counts.
      long position = Math.min(reader.position(tp, TIMEOUT), end);
      if (position > from) {
        return position;
      }
    }
    throw new IllegalStateException(
        "no progress reading " + tp + " at offset " + from + " within " + TIMEOUT);
  }

  private long committed(TopicPartition tp) {
    OffsetAndMetadata committed = consumer.committed(Set.of(tp), TIMEOUT).get(tp);
    return committed == null ? 0 : committed.offset();
  }

  private long beginning(TopicPartition tp) {
    return consumer.beginningOffsets(List.of(tp), TIMEOUT).get(tp);
  }

  private List<TopicPartition> partitions(String topic) {
    List<PartitionInfo> partitions = consumer.partitionsFor(topic, TIMEOUT);
    if (partitions == null || partitions.isEmpty()) {
      throw new IllegalArgumentException("no topic " + topic + " on " + bootstrapServers);
    }
    return partitions.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
  }

  private TopicPartition partition(String topic, int partition) {
    return partitions(topic).stream()
        .filter(tp -> tp.partition() == partition)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(topic + " has no partition " + partition));
  }

  private KafkaProducer<byte[], byte[]> producer() {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            ProducerConfig.ACKS_CONFIG,
            "all"),
        new ByteArraySerializer(),
        new ByteArraySerializer());
  }

  @Override
  public void close() {
    consumer.close();
    scanner.close();
  }

  /** How many letters a redrive republished, and how many it could not. */
  static final class RedriveReport {
    int redriven;
    int skipped;
  }
}
