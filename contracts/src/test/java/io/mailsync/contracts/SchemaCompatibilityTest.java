package io.mailsync.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The checker itself: each kind of breaking change to a released schema is caught. */
class SchemaCompatibilityTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static JsonNode released;

  @BeforeAll
  static void load() throws IOException {
    try (InputStream in =
        SchemaCompatibilityTest.class.getResourceAsStream(
            "/released-schemas/message-fetched.schema.json")) {
      released = JSON.readTree(in);
    }
  }

  @Test
  void theReleasedSchemaIsCompatibleWithItself() {
    assertThat(SchemaCompatibility.breakingChanges(released, released.deepCopy())).isEmpty();
  }

  @Test
  void aNewOptionalPropertyAndNewAnnotationsAreAdditive() {
    assertThat(
            changes(
                s -> {
                  properties(s).putObject("threadId").put("type", "string");
                  s.put("description", "reworded");
                  ((ObjectNode) properties(s).get("subject")).put("description", "the subject");
                  s.putObject("$defs").putObject("unused").put("type", "string");
                }))
        .isEmpty();
  }

  @Test
  void catchesARemovedProperty() {
    assertThat(changes(s -> properties(s).remove("inReplyTo")))
        .containsExactly("/properties: removed (or renamed) property inReplyTo");
  }

  @Test
  void catchesARenamedProperty() {
    assertThat(changes(s -> properties(s).set("replyTo", properties(s).remove("inReplyTo"))))
        .containsExactly("/properties: removed (or renamed) property inReplyTo");
  }

  @Test
  void catchesARemovedNestedProperty() {
    assertThat(changes(s -> properties(properties(s).get("copy")).remove("uidValidity")))
        .contains("/properties/copy/properties: removed (or renamed) property uidValidity");
  }

  @Test
  void catchesAChangedType() {
    assertThat(changes(s -> ((ObjectNode) properties(s).get("seen")).put("type", "string")))
        .containsExactly("/properties/seen/type: type changed from [boolean] to [string]");
  }

  @Test
  void catchesAWidenedTypeInsideArrayItems() {
    assertThat(
            changes(
                s -> {
                  ObjectNode size =
                      (ObjectNode)
                          properties(properties(s).get("attachments").get("items"))
                              .get("sizeBytes");
                  size.putArray("type").add("integer").add("null");
                }))
        .containsExactly(
            "/properties/attachments/items/properties/sizeBytes/type: type changed from [integer]"
                + " to [integer, null]");
  }

  @Test
  void catchesANewlyRequiredProperty() {
    assertThat(changes(s -> ((ArrayNode) s.get("required")).add("subject")))
        .containsExactly("/: property subject is newly required");
  }

  @Test
  void catchesANewPropertyThatIsRequired() {
    assertThat(
            changes(
                s -> {
                  properties(s).putObject("threadId").put("type", "string");
                  ((ArrayNode) s.get("required")).add("threadId");
                }))
        .containsExactly("/: property threadId is newly required");
  }

  @Test
  void catchesAPropertyNoLongerRequired() {
    assertThat(changes(s -> removeValue((ArrayNode) s.get("required"), "seen")))
        .containsExactly("/: property seen is no longer required");
  }

  @Test
  void catchesARemovedEnumValue() {
    assertThat(changes(s -> removeValue(roleEnum(s), "BCC")))
        .containsExactly(
            "/properties/participants/items/properties/role/enum: removed enum value \"BCC\"");
  }

  @Test
  void catchesAnAddedEnumValue() {
    assertThat(changes(s -> roleEnum(s).add("AUTHOR")))
        .singleElement()
        .asString()
        .contains("added enum value \"AUTHOR\"");
  }

  @Test
  void catchesChangedConstraints() {
    assertThat(
            changes(
                s -> {
                  ((ObjectNode) properties(s).get("messageKey")).put("pattern", "^.+$");
                  ((ObjectNode) properties(s).get("tenantId")).remove("minLength");
                  ((ObjectNode) properties(s).get("subject")).put("maxLength", 1000);
                  ((ObjectNode) properties(s).get("sentAt")).put("format", "date");
                }))
        .hasSize(4)
        .anySatisfy(c -> assertThat(c).startsWith("/properties/messageKey/pattern: changed from"))
        .anySatisfy(c -> assertThat(c).startsWith("/properties/tenantId/minLength: removed"))
        .anySatisfy(c -> assertThat(c).startsWith("/properties/subject/maxLength: added"))
        .anySatisfy(c -> assertThat(c).startsWith("/properties/sentAt/format: changed from"));
  }

  @Test
  void catchesOpenedOrClosedObjects() {
    assertThat(changes(s -> s.put("additionalProperties", true)))
        .containsExactly("/additionalProperties: schema changed from false to true");
  }

  @Test
  void catchesChangesInsideDefinitionsAndAlternatives() throws IOException {
    JsonNode sendEmail;
    try (InputStream in =
        SchemaCompatibilityTest.class.getResourceAsStream(
            "/released-schemas/send-email.schema.json")) {
      sendEmail = JSON.readTree(in);
    }
    ObjectNode changed = sendEmail.deepCopy();
    ((ObjectNode) changed.at("/$defs/address/properties/address")).put("type", "integer");
    ((ArrayNode) changed.get("anyOf")).remove(1);

    assertThat(SchemaCompatibility.breakingChanges(sendEmail, changed))
        .containsExactlyInAnyOrder(
            "/$defs/address/properties/address/type: type changed from [string] to [integer]",
            "/anyOf: changed from 2 to 1 subschemas");
  }

  private static List<String> changes(Consumer<ObjectNode> change) {
    ObjectNode current = released.deepCopy();
    change.accept(current);
    return SchemaCompatibility.breakingChanges(released, current);
  }

  private static ObjectNode properties(JsonNode schema) {
    return (ObjectNode) schema.get("properties");
  }

  private static ArrayNode roleEnum(ObjectNode schema) {
    return (ArrayNode) schema.at("/properties/participants/items/properties/role/enum");
  }

  private static void removeValue(ArrayNode array, String value) {
    for (int i = 0; i < array.size(); i++) {
      if (array.get(i).asText().equals(value)) {
        array.remove(i);
        return;
      }
    }
    throw new AssertionError(value + " not in " + array);
  }
}
