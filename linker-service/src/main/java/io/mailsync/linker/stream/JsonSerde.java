package io.mailsync.linker.stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mailsync.contracts.EventJson;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** JSON serde for the linker's own records (state stores, repartition topic). */
final class JsonSerde<T> implements Serde<T> {

  private static final ObjectMapper MAPPER = EventJson.mapper();

  private final Class<T> type;

  JsonSerde(Class<T> type) {
    this.type = type;
  }

  @Override
  public Serializer<T> serializer() {
    return (topic, data) -> {
      if (data == null) {
        return null;
      }
      try {
        return MAPPER.writeValueAsBytes(data);
      } catch (IOException e) {
        throw new SerializationException("cannot write " + type.getSimpleName(), e);
      }
    };
  }

  @Override
  public Deserializer<T> deserializer() {
    return (topic, data) -> {
      if (data == null) {
        return null;
      }
      try {
        return MAPPER.readValue(data, type);
      } catch (IOException e) {
        throw new SerializationException("not a " + type.getSimpleName() + " on " + topic, e);
      }
    };
  }
}
