package io.mailsync.linker.stream;

import io.mailsync.contracts.EventJson;
import io.mailsync.contracts.kafka.ContractSerializer;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * JSON serde for what the linker writes: its own records (state stores, repartition topic) and its
 * events, all written by the one {@link ContractSerializer}.
 */
final class JsonSerde<T> implements Serde<T> {

  private static final ContractSerializer SERIALIZER = new ContractSerializer();

  private final Class<T> type;

  JsonSerde(Class<T> type) {
    this.type = type;
  }

  @Override
  public Serializer<T> serializer() {
    return SERIALIZER::serialize;
  }

  @Override
  public Deserializer<T> deserializer() {
    return (topic, data) -> {
      if (data == null) {
        return null;
      }
      try {
        return EventJson.mapper().readValue(data, type);
      } catch (IOException e) {
        throw new SerializationException("not a " + type.getSimpleName() + " on " + topic, e);
      }
    };
  }
}
