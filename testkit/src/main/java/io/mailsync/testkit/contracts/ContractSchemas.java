package io.mailsync.testkit.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.mailsync.contracts.EventJson;
import io.mailsync.contracts.EventType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.stream.Collectors;

/** Checks JSON a service produced against the contract's JSON Schema (formats asserted too). */
public final class ContractSchemas {

  /** Fails with every violation when {@code json} does not match {@code type}'s schema. */
  public static void assertValid(EventType type, String json) {
    Set<String> violations = violations(type, json);
    if (!violations.isEmpty()) {
      throw new AssertionError(json + " violates the " + type + " schema: " + violations);
    }
  }

  public static Set<String> violations(EventType type, String json) {
    try {
      JsonNode node = EventJson.mapper().readTree(json);
      return schema(type).validate(node).stream()
          .map(ValidationMessage::getMessage)
          .collect(Collectors.toSet());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonSchema schema(EventType type) {
    SchemaValidatorsConfig config =
        SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    try (InputStream in = EventType.class.getResourceAsStream(type.schemaResource())) {
      if (in == null) {
        throw new IllegalStateException("schema resource " + type.schemaResource() + " missing");
      }
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ContractSchemas() {}
}
