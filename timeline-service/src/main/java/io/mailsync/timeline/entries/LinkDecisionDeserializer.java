package io.mailsync.timeline.entries;

import io.mailsync.contracts.ContractRecord;
import io.mailsync.contracts.EventJson;
import io.mailsync.contracts.EventType;
import io.mailsync.contracts.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * The links topic carries two record types; the CloudEvents {@code ce_type} header says which.
 * Anything else is refused, so it ends up in the dead-letter topic rather than being guessed at.
 */
public class LinkDecisionDeserializer implements Deserializer<ContractRecord> {

  @Override
  public ContractRecord deserialize(String topic, byte[] data) {
    throw new SerializationException("records on " + topic + " need a ce_type header");
  }

  @Override
  public ContractRecord deserialize(String topic, Headers headers, byte[] data) {
    if (data == null) {
      return null;
    }
    Header typeHeader = headers.lastHeader("ce_type");
    if (typeHeader == null) {
      return deserialize(topic, data);
    }
    String ceType = new String(typeHeader.value(), StandardCharsets.UTF_8);
    EventType type =
        EventType.forCloudEventType(ceType)
            .filter(t -> t.topic().equals(Topics.LINKS))
            .orElseThrow(
                () -> new SerializationException("unexpected ce_type " + ceType + " on " + topic));
    try {
      return EventJson.mapper().readValue(data, type.recordType());
    } catch (IOException e) {
      throw new SerializationException("not a valid " + ceType + " on " + topic, e);
    }
  }
}
