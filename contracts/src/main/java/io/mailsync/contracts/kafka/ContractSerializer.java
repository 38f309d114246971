package io.mailsync.contracts.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.mailsync.contracts.EventJson;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/** Kafka value serializer for contract records, with the one {@link EventJson} configuration. */
public class ContractSerializer implements Serializer<Object> {

  @Override
  public byte[] serialize(String topic, Object data) {
    if (data == null) {
      return null;
    }
    try {
      return EventJson.mapper().writeValueAsBytes(data);
    } catch (JsonProcessingException e) {
      throw new SerializationException("cannot serialize " + data.getClass() + " for " + topic, e);
    }
  }
}
