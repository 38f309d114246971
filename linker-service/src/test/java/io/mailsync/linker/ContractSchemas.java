package io.mailsync.linker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import io.mailsync.contracts.EventJson;
import io.mailsync.contracts.EventType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Checks produced JSON against the contract's JSON Schema. */
public final class ContractSchemas {

  public static void assertValid(EventType type, String json) {
    try {
      JsonNode node = EventJson.mapper().readTree(json);
      assertThat(schema(type).validate(node)).as("%s against its schema", json).isEmpty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonSchema schema(EventType type) {
    SchemaValidatorsConfig config =
        SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    try (InputStream in = EventType.class.getResourceAsStream(type.schemaResource())) {
      assertThat(in).as("schema resource %s", type.schemaResource()).isNotNull();
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ContractSchemas() {}
}
