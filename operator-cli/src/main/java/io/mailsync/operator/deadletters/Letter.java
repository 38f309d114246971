package io.mailsync.operator.deadletters;

import io.mailsync.contracts.kafka.DeadLetter;
import io.mailsync.contracts.kafka.RecordCoordinates;
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
  Optional<RecordCoordinates> source() {
    return DeadLetter.source(headers());
  }

  /** Where the letter itself is, on its dead-letter topic. */
  RecordCoordinates coordinates() {
    return RecordCoordinates.of(record);
  }
}
