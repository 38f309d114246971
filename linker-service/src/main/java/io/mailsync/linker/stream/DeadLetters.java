package io.mailsync.linker.stream;

import io.mailsync.contracts.Topics;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * The dead-letter topic of the linker and the headers that say why a record landed there (the same
 * header names the messaging services' dead-letter queues use).
 */
final class DeadLetters {

  static final String TOPIC = Topics.deadLetter(LinkerTopology.APPLICATION_ID);

  static final String REASON = "dead-letter-reason";
  static final String SOURCE_TOPIC = "dead-letter-topic";
  static final String SOURCE_PARTITION = "dead-letter-partition";
  static final String SOURCE_OFFSET = "dead-letter-offset";

  /** The source record's own headers plus where it came from and why it was rejected. */
  static Headers headers(Headers original, String reason, RecordMetadata source) {
    Headers headers = new RecordHeaders(original.toArray());
    headers.remove(REASON);
    headers.add(REASON, utf8(reason));
    if (source != null) {
      headers.remove(SOURCE_TOPIC);
      headers.remove(SOURCE_PARTITION);
      headers.remove(SOURCE_OFFSET);
      headers.add(SOURCE_TOPIC, utf8(source.topic()));
      headers.add(SOURCE_PARTITION, utf8(Integer.toString(source.partition())));
      headers.add(SOURCE_OFFSET, utf8(Long.toString(source.offset())));
    }
    return headers;
  }

  private static byte[] utf8(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }

  private DeadLetters() {}
}
