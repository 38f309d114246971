package io.mailsync.contracts.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailsync.contracts.send.SendEmail;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class ContractDeserializerTest {

  @Test
  void readsTheRecordTypeNamedInTheConsumerSettings() {
    ContractDeserializer<SendEmail> deserializer = new ContractDeserializer<>();
    deserializer.configure(
        Map.of(ContractDeserializer.TYPE_CONFIG, SendEmail.class.getName()), false);

    assertThat(deserializer.deserialize("t", bytes("{\"id\":\"c1\",\"tenantId\":\"t1\"}")))
        .isInstanceOf(SendEmail.class)
        .extracting(SendEmail::id, SendEmail::tenantId)
        .containsExactly("c1", "t1");
    assertThatThrownBy(() -> deserializer.deserialize("t", bytes("[1, 2]")))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("not a SendEmail on t");
    assertThat(deserializer.deserialize("t", null)).isNull();
  }

  private static byte[] bytes(String json) {
    return json.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void refusesMissingUnknownAndNonContractTypes() {
    assertThatThrownBy(() -> new ContractDeserializer<>().configure(Map.of(), false))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(ContractDeserializer.TYPE_CONFIG);
    assertThatThrownBy(
            () ->
                new ContractDeserializer<>()
                    .configure(Map.of(ContractDeserializer.TYPE_CONFIG, "no.such.Type"), false))
        .isInstanceOf(ConfigException.class);
    assertThatThrownBy(
            () ->
                new ContractDeserializer<>()
                    .configure(Map.of(ContractDeserializer.TYPE_CONFIG, "java.lang.String"), false))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("not a contract record class");
  }
}
