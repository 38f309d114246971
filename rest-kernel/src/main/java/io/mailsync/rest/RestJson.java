package io.mailsync.rest;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * The JSON configuration of REST bodies: the service's ObjectMapper, except that a property the API
 * does not know is refused (400 naming it) instead of silently dropped — a client that sends {@code
 * attachments} to an endpoint without attachments must learn it at once, not find the mail sent
 * without them.
 *
 * <p>Only REST bodies are read this way: Kafka records keep their own, tolerant reading ({@code
 * EventJson}), so a consumer keeps working when a producer adds an optional field. The service's
 * ObjectMapper bean itself is left as it is for the same reason.
 */
@Provider
public class RestJson implements ContextResolver<ObjectMapper> {

  private final ObjectMapper strict;

  public RestJson(ObjectMapper mapper) {
    this.strict = mapper.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  @Override
  public ObjectMapper getContext(Class<?> type) {
    return strict;
  }
}
