package io.mailsync.testkit.kafka;

import io.mailsync.contracts.kafka.DeadLetter;
import io.mailsync.contracts.kafka.RecordCoordinates;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * For tests that a consumer dead-letters a record in the one shape ({@link DeadLetter}): publish
 * the record byte for byte to the shared test broker, find its dead letter by the source
 * coordinates it carries, and check that it holds the original key, value and headers. Reads and
 * writes through {@link TestTopics}.
 */
public final class DeadLetters {

  /** A record as published, and where it landed. */
  public record Published(ProducerRecord<String, byte[]> record, RecordMetadata at) {}

  /** Publishes {@code value} with {@code key} and {@code headers}, each exactly as given. */
  public static Published publish(
      String topic, String key, byte[] value, Map<String, String> headers) {
    Headers written = new RecordHeaders();
    headers.forEach((name, text) -> written.add(name, text.getBytes(StandardCharsets.UTF_8)));
    RecordMetadata at = TestTopics.publishRaw(topic, key, value, written);
    return new Published(new ProducerRecord<>(topic, null, key, value, written), at);
  }

  /**
   * The dead letter of {@code source} on {@code deadLetterTopic}, waiting up to {@code patience}.
   */
  public static ConsumerRecord<String, byte[]> await(
      String deadLetterTopic, Published source, Duration patience) {
    return TestTopics.await(
            deadLetterTopic, record -> isDeadLetterOf(record, source.at()), 1, patience)
        .getFirst();
  }

  /**
   * Waits for {@code source}'s dead letter on {@code deadLetterTopic}, checks its shape and returns
   * its reason.
   */
  public static String awaitReason(String deadLetterTopic, Published source, Duration patience) {
    return assertShape(await(deadLetterTopic, source, patience), source);
  }

  /**
   * Checks that {@code dead} is {@code source}'s dead letter in the one shape and returns its
   * reason.
   */
  public static String assertShape(ConsumerRecord<String, byte[]> dead, Published source) {
    ProducerRecord<String, byte[]> original = source.record();
    require(Objects.equals(dead.key(), original.key()), "the original key");
    require(Arrays.equals(dead.value(), original.value()), "the original value bytes");
    require(
        Arrays.equals(
            DeadLetter.sourceHeaders(dead.headers()).toArray(), original.headers().toArray()),
        "the original headers, unchanged and in order, after the dead-letter headers: "
            + names(dead.headers()));
    require(isDeadLetterOf(dead, source.at()), "the source topic, partition and offset");
    Optional<String> exception = DeadLetter.text(dead.headers(), DeadLetter.EXCEPTION_CLASS_NAME);
    require(exception.isPresent(), "the failure's class");
    return DeadLetter.text(dead.headers(), DeadLetter.REASON)
        .filter(reason -> !reason.isBlank())
        .orElseThrow(() -> new AssertionError("a dead letter without a reason"));
  }

  private static boolean isDeadLetterOf(ConsumerRecord<?, ?> record, RecordMetadata source) {
    return DeadLetter.source(record.headers())
        .equals(
            Optional.of(
                new RecordCoordinates(source.topic(), source.partition(), source.offset())));
  }

  private static List<String> names(Headers headers) {
    return Arrays.stream(headers.toArray()).map(Header::key).toList();
  }

  private static void require(boolean holds, String what) {
    if (!holds) {
      throw new AssertionError("dead letter lacks " + what);
    }
  }

  private DeadLetters() {}
}
