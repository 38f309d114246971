package io.mailsync.contracts.kafka;

import io.mailsync.contracts.EventJson;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Kafka value deserializer for one contract record type. Subclass it per type so that it can be
 * named in configuration, e.g. {@code class MessageFetchedDeserializer extends
 * ContractDeserializer<MessageFetched>}.
 */
public class ContractDeserializer<T> implements Deserializer<T> {

  private final Class<T> type;

  public ContractDeserializer(Class<T> type) {
    this.type = type;
  }

  @Override
  public T deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    try {
      return EventJson.mapper().readValue(data, type);
    } catch (IOException e) {
      throw new SerializationException("not a " + type.getSimpleName() + " on " + topic, e);
    }
  }
}
