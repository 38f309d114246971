package io.mailsync.contracts.kafka;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The one shape of a dead letter, on every consumer's {@code <consumer-group>.dlq} topic: the
 * source record's key, value and headers exactly as consumed, preceded by headers saying why it was
 * rejected and where it came from. The names are those SmallRye Reactive Messaging's dead-letter
 * queue writes, so the messaging services need no code of their own; the linker (Kafka Streams)
 * writes the same headers through {@link #headers}.
 */
public final class DeadLetter {

  /** The message of the failure that rejected the record. */
  public static final String REASON = "dead-letter-reason";

  /** The class of that failure. */
  public static final String EXCEPTION_CLASS_NAME = "dead-letter-exception-class-name";

  /** The message of the failure's cause, when it has one. */
  public static final String CAUSE = "dead-letter-cause";

  /** The class of the failure's cause, when it has one. */
  public static final String CAUSE_CLASS_NAME = "dead-letter-cause-class-name";

  /** The source record's topic, partition and offset, as decimal text. */
  public static final String TOPIC = "dead-letter-topic";

  public static final String PARTITION = "dead-letter-partition";
  public static final String OFFSET = "dead-letter-offset";

  /** Every header a dead letter adds to the source record's own. */
  public static final List<String> HEADERS =
      List.of(EXCEPTION_CLASS_NAME, REASON, CAUSE_CLASS_NAME, CAUSE, TOPIC, PARTITION, OFFSET);

  /**
   * The headers of a dead letter for a record read from {@code topic}-{@code partition} at {@code
   * offset}: why and where first, then the source record's own headers unchanged (the order
   * SmallRye writes them in).
   */
  public static Headers headers(
      Headers source, Throwable failure, String topic, int partition, long offset) {
    Headers headers = new RecordHeaders();
    add(headers, EXCEPTION_CLASS_NAME, failure.getClass().getName());
    add(headers, REASON, message(failure));
    if (failure.getCause() != null) {
      add(headers, CAUSE_CLASS_NAME, failure.getCause().getClass().getName());
      add(headers, CAUSE, message(failure.getCause()));
    }
    add(headers, TOPIC, topic);
    add(headers, PARTITION, Integer.toString(partition));
    add(headers, OFFSET, Long.toString(offset));
    for (Header header : source) {
      headers.add(header);
    }
    return headers;
  }

  /** The source record's own headers: a dead letter's, less those the dead letter added. */
  public static Headers sourceHeaders(Headers deadLetter) {
    Headers headers = new RecordHeaders();
    for (Header header : deadLetter) {
      if (!HEADERS.contains(header.key())) {
        headers.add(header);
      }
    }
    return headers;
  }

  /**
   * The value of one of the dead letter's own {@link #HEADERS} as UTF-8 text. Its own come before
   * the source record's (SmallRye writes them so), so this is the first value of the name: should
   * the source record have carried a header of that name too, that later one is the source's. Other
   * headers are read as Kafka reads them, by {@code lastHeader}.
   */
  public static Optional<String> text(Headers headers, String name) {
    if (!HEADERS.contains(name)) {
      throw new IllegalArgumentException(name + " is not a dead-letter header");
    }
    for (Header header : headers) {
      if (header.key().equals(name) && header.value() != null) {
        return Optional.of(new String(header.value(), StandardCharsets.UTF_8));
      }
    }
    return Optional.empty();
  }

  /** Where the rejected record was read, if the dead letter says so in full. */
  public static Optional<RecordCoordinates> source(Headers headers) {
    Optional<String> topic = text(headers, TOPIC);
    Optional<String> partition = text(headers, PARTITION);
    Optional<String> offset = text(headers, OFFSET);
    if (topic.isEmpty() || partition.isEmpty() || offset.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new RecordCoordinates(
              topic.get(), Integer.parseInt(partition.get()), Long.parseLong(offset.get())));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static String message(Throwable failure) {
    return failure.getMessage() != null ? failure.getMessage() : failure.toString();
  }

  private static void add(Headers headers, String name, String value) {
    headers.add(name, value.getBytes(StandardCharsets.UTF_8));
  }

  private DeadLetter() {}
}
