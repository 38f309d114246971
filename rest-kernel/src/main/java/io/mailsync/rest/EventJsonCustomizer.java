package io.mailsync.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mailsync.contracts.EventJson;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Gives the service's one ObjectMapper the contracts' JSON configuration ({@link EventJson}), so
 * REST bodies and events are written alike: ISO-8601 timestamps, no null fields. REST bodies are
 * then read strictly on top of it ({@link RestJson}); events keep reading tolerantly.
 */
@Singleton
public class EventJsonCustomizer implements ObjectMapperCustomizer {

  @Override
  public void customize(ObjectMapper mapper) {
    EventJson.configure(mapper);
  }
}
