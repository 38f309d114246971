package io.mailsync.cdc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class CdcSettingsTest {

  @Test
  void connectorFileIsTheBase() {
    CdcSettings settings = CdcSettings.load(Map.of());

    assertThat(settings.get("connector.class"))
        .isEqualTo("io.debezium.connector.postgresql.PostgresConnector");
    assertThat(settings.get("plugin.name")).isEqualTo("pgoutput");
    assertThat(settings.get("topic.prefix")).isEqualTo("mailsync.directory");
  }

  @Test
  void environmentOverridesTheFileAndArgumentsOverrideBoth() {
    CdcSettings settings =
        CdcSettings.load(
            Map.of(
                "MAILSYNC_CDC_DATABASE_HOSTNAME",
                "db.internal",
                "MAILSYNC_CDC_DATABASE_PORT",
                "6543",
                "PATH",
                "/bin"),
            "database.port=7654");

    assertThat(settings.get("database.hostname")).isEqualTo("db.internal");
    assertThat(settings.get("database.port")).isEqualTo("7654");
  }

  @Test
  void engineGetsNeitherOurKafkaAddressNorDataDirectory() {
    CdcSettings settings =
        CdcSettings.load(
            Map.of(), "kafka.bootstrap.servers=127.0.0.1:1", "mailsync.cdc.data.dir=/tmp/x");

    assertThat(settings.kafkaBootstrapServers()).isEqualTo("127.0.0.1:1");
    assertThat(settings.offsetsFile().toString()).isEqualTo("/tmp/x/offsets.dat");
    assertThat(settings.engineProperties())
        .doesNotContainKeys("kafka.bootstrap.servers", "mailsync.cdc.data.dir");
  }

  @Test
  void engineReadsEachConverterClassWhereKafkaConnectDoes() {
    CdcSettings settings =
        CdcSettings.load(Map.of(), "value.converter=org.apache.kafka.connect.json.JsonConverter");

    Properties engine = settings.engineProperties();

    assertThat(engine.getProperty("value.converter.class"))
        .isEqualTo("org.apache.kafka.connect.json.JsonConverter");
    assertThat(engine.getProperty("key.converter.class"))
        .isEqualTo("io.debezium.converters.BinaryDataConverter");
    assertThat(engine.getProperty("key.converter.delegate.converter.type"))
        .isEqualTo("org.apache.kafka.connect.json.JsonConverter");
    assertThat(engine.getProperty("header.converter.class"))
        .isEqualTo("org.apache.kafka.connect.storage.SimpleHeaderConverter");
  }

  @Test
  void aMissingConverterIsNamed() {
    CdcSettings settings = CdcSettings.load(Map.of(), "header.converter=");

    assertThatThrownBy(settings::engineProperties).hasMessageContaining("header.converter");
  }

  @Test
  void passwordsAreMaskedWhenPrinted() {
    CdcSettings settings = CdcSettings.load(Map.of(), "database.password=s3cret");

    assertThat(settings.toString()).contains("database.password=****").doesNotContain("s3cret");
  }

  @Test
  void malformedArgumentIsRejected() {
    assertThatThrownBy(() -> CdcSettings.load(Map.of(), "database.port"))
        .hasMessageContaining("key=value");
  }
}
