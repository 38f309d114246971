package io.mailsync.operator.deadletters;

import io.mailsync.contracts.kafka.DeadLetter;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;

/**
 * One dead letter as read from its dead-letter topic.
 *
 * @param done whether a redrive has passed it (republished it, or reported it skipped): the redrive
 *     group's committed offset is beyond it
 */
record Letter(ConsumerRecord<byte[], byte[]> record, boolean done) {

  String topic() {
    return record.topic();
  }

  int partition() {
    return record.partition();
  }

  long offset() {
    return record.offset();
  }

  /** When it was dead-lettered. */
  Instant time() {
    return Instant.ofEpochMilli(record.timestamp());
  }

  Headers headers() {
    return record.headers();
  }

  String reason() {
    return DeadLetter.text(headers(), DeadLetter.REASON).orElse("(no reason given)");
  }

  /** Where the rejected record was read, if the letter says so in full. */
  Optional<Source> source() {
    Optional<String> topic = DeadLetter.text(headers(), DeadLetter.TOPIC);
    Optional<String> partition = DeadLetter.text(headers(), DeadLetter.PARTITION);
    Optional<String> offset = DeadLetter.text(headers(), DeadLetter.OFFSET);
    if (topic.isEmpty() || partition.isEmpty() || offset.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new Source(topic.get(), Integer.parseInt(partition.get()), Long.parseLong(offset.get())));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** The coordinates of a rejected record on its source topic. */
  record Source(String topic, int partition, long offset) {
    @Override
    public String toString() {
      return topic + "-" + partition + "@" + offset;
    }
  }
}
