package io.mailsync.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every v1 schema stays compatible with the schema as last released ({@code released-schemas/}):
 * additive optional properties only, see {@link SchemaCompatibility}.
 */
class ReleasedSchemasTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest
  @EnumSource(EventType.class)
  void schemaChangesOnlyAdditivelySinceItsRelease(EventType type) throws IOException {
    JsonNode current = read(type.schemaResource());
    JsonNode released = read(releasedResource(type));

    assertThat(released)
        .as(
            "%s has no released baseline: copy it to src/test/resources%s when it is released",
            type.schemaResource(), releasedResource(type))
        .isNotNull();
    assertThat(SchemaCompatibility.breakingChanges(released, current))
        .as("non-additive changes to %s since its release", type.schemaResource())
        .isEmpty();
  }

  private static String releasedResource(EventType type) {
    String resource = type.schemaResource();
    return "/released-schemas/" + resource.substring(resource.lastIndexOf('/') + 1);
  }

  private static JsonNode read(String resource) throws IOException {
    try (InputStream in = ReleasedSchemasTest.class.getResourceAsStream(resource)) {
      return in == null ? null : JSON.readTree(in);
    }
  }
}
