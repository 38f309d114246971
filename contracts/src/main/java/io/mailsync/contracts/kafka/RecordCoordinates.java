package io.mailsync.contracts.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Where a record was read: its topic, partition and offset. Every log line about a consumed record
 * names it by {@link #toString}, {@code topic-partition@offset}, and a dead letter carries it in
 * its headers ({@link DeadLetter#source}), so a line in a log finds its dead letter and back.
 */
public record RecordCoordinates(String topic, int partition, long offset) {

  public static RecordCoordinates of(ConsumerRecord<?, ?> record) {
    return new RecordCoordinates(record.topic(), record.partition(), record.offset());
  }

  @Override
  public String toString() {
    return topic + "-" + partition + "@" + offset;
  }
}
