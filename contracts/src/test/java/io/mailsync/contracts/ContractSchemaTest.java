package io.mailsync.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ContractSchemaTest {

  private static final ObjectMapper MAPPER = EventJson.mapper();

  @ParameterizedTest
  @EnumSource(EventType.class)
  void sampleValidatesAgainstItsSchema(EventType type) {
    JsonNode json = MAPPER.valueToTree(ContractSamples.sample(type));

    assertThat(validate(type, json)).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(EventType.class)
  void sampleRoundTripsThroughJson(EventType type) throws IOException {
    ContractRecord sample = ContractSamples.sample(type);

    byte[] bytes = MAPPER.writeValueAsBytes(sample);

    assertThat(MAPPER.readValue(bytes, type.recordType())).isEqualTo(sample);
  }

  /** Guards the samples: a field left null would escape the schema check above. */
  @ParameterizedTest
  @EnumSource(EventType.class)
  void sampleSetsEveryRecordComponent(EventType type) {
    ObjectNode json = MAPPER.valueToTree(ContractSamples.sample(type));

    Set<String> components =
        Arrays.stream(type.recordType().getRecordComponents())
            .map(c -> c.getName())
            .collect(Collectors.toSet());
    Set<String> fields = new HashSet<>();
    json.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).isEqualTo(components);
  }

  @ParameterizedTest
  @EnumSource(EventType.class)
  void fieldTheSchemaDoesNotKnowIsRejected(EventType type) {
    ObjectNode json = MAPPER.valueToTree(ContractSamples.sample(type));
    json.put("password", "hunter2");

    assertThat(validate(type, json))
        .extracting(ValidationMessage::getMessage)
        .anySatisfy(m -> assertThat(m).contains("password"));
  }

  @ParameterizedTest
  @EnumSource(EventType.class)
  void missingTenantIsRejected(EventType type) {
    ObjectNode json = MAPPER.valueToTree(ContractSamples.sample(type));
    json.remove("tenantId");

    assertThat(validate(type, json))
        .extracting(ValidationMessage::getMessage)
        .anySatisfy(m -> assertThat(m).contains("tenantId"));
  }

  @ParameterizedTest
  @EnumSource(EventType.class)
  void sampleLacksNothingItsConsumersNeed(EventType type) {
    assertThat(ContractSamples.sample(type).required().missing()).isEmpty();
  }

  /** The decoder's checks may ask less of a record than its schema, never more. */
  @ParameterizedTest
  @EnumSource(EventType.class)
  void fieldsConsumersNeedAreFieldsTheSchemaRequires(EventType type) throws IOException {
    ContractRecord empty = MAPPER.readValue("{}", type.recordType());
    Set<String> schemaRequired = new HashSet<>();
    schemaOf(type).get("required").forEach(name -> schemaRequired.add(name.asText()));

    assertThat(empty.required().missing())
        .contains("id", "tenantId", "occurredAt")
        .isSubsetOf(schemaRequired);
  }

  @Test
  void nestedUnknownFieldIsRejected() {
    ObjectNode json = MAPPER.valueToTree(ContractSamples.sample(EventType.MAILBOX_CONFIGURED));
    ((ObjectNode) json.get("credentials")).put("password", "hunter2");

    assertThat(validate(EventType.MAILBOX_CONFIGURED, json)).isNotEmpty();
  }

  @Test
  void wrongEnumValueAndBadTimestampAreRejected() {
    ObjectNode json = MAPPER.valueToTree(ContractSamples.sample(EventType.MESSAGE_FETCHED));
    ((ObjectNode) ((ArrayNode) json.get("participants")).get(0)).put("role", "AUTHOR");
    json.put("occurredAt", "yesterday");

    assertThat(validate(EventType.MESSAGE_FETCHED, json)).hasSize(2);
  }

  @Test
  void sendWithoutRecipientsIsRejected() {
    ObjectNode json = MAPPER.valueToTree(ContractSamples.sample(EventType.SEND_EMAIL));
    json.putArray("to");

    assertThat(validate(EventType.SEND_EMAIL, json)).isNotEmpty();
  }

  @Test
  void timestampsAreIsoStrings() {
    JsonNode json = MAPPER.valueToTree(ContractSamples.sample(EventType.MESSAGE_FETCHED));

    assertThat(json.get("occurredAt").asText()).isEqualTo("2026-11-23T09:15:30.123Z");
  }

  static Set<ValidationMessage> validate(EventType type, JsonNode json) {
    return schema(type).validate(json);
  }

  private static JsonNode schemaOf(EventType type) throws IOException {
    try (InputStream in = EventType.class.getResourceAsStream(type.schemaResource())) {
      return MAPPER.readTree(in);
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
}
