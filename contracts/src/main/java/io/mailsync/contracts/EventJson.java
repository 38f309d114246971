package io.mailsync.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one Jackson configuration for contract records. Services apply {@link #configure} to their
 * Quarkus ObjectMapper, the Kafka serdes use {@link #mapper()}, and the contracts test validates
 * exactly this output against the schemas.
 */
public final class EventJson {

  private static final ObjectMapper MAPPER = configure(new ObjectMapper());

  /**
   * Timestamps as ISO-8601 strings; absent optionals omitted; unknown fields ignored on read so a
   * consumer keeps working when a producer adds an optional field.
   */
  public static ObjectMapper configure(ObjectMapper mapper) {
    return mapper
        .registerModule(new JavaTimeModule())
        .registerModule(new Jdk8Module())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .setSerializationInclusion(JsonInclude.Include.NON_NULL);
  }

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  private EventJson() {}
}
