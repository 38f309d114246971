package io.mailsync.cdc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mailsync.testkit.kafka.KafkaBroker;
import io.mailsync.testkit.kafka.TestTopics;
import io.mailsync.testkit.postgres.PostgresServer;
import io.mailsync.testkit.postgres.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChangeCaptureIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dataDir;
  private TestDatabase database;
  private String prefix;

  @BeforeEach
  void createDirectoryTable() throws SQLException {
    database = PostgresServer.shared().createDatabase("ChangeCaptureIT");
    prefix = "it" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    sql(
        "CREATE SCHEMA timeline",
        "CREATE TABLE timeline.company (id bigint PRIMARY KEY, name text NOT NULL)");
  }

  @AfterEach
  void dropDatabase() {
    PostgresServer.shared().dropDatabase(database);
  }

  @Test
  void insertReachesTheTopicAndARestartResumesFromTheStoredOffset() throws Exception {
    String topic = prefix + ".timeline.company";
    KafkaBroker.shared().createTopics(topic);

    try (ChangeCapture capture = new ChangeCapture(settings())) {
      capture.start();
      sql("INSERT INTO timeline.company VALUES (1, 'Acme')");
      List<JsonNode> first = awaitChanges(topic, 1);
      assertThat(first).hasSize(1);
      assertThat(first.get(0).at("/after/name").asText()).isEqualTo("Acme");
      assertThat(first.get(0).path("op").asText()).isIn("c", "r");
    }

    // Written while cdc is down: the restarted engine must pick it up from its stored offset,
    // without snapshotting again (which would repeat Acme).
    sql("INSERT INTO timeline.company VALUES (2, 'Globex')");
    assertThat(settings().offsetsFile()).exists();

    try (ChangeCapture capture = new ChangeCapture(settings())) {
      capture.start();
      List<JsonNode> all = awaitChanges(topic, 2);
      assertThat(all).extracting(c -> c.at("/after/id").asLong()).containsExactly(1L, 2L);
      assertThat(all.get(1).path("op").asText()).isEqualTo("c");
      assertThat(all.get(1).at("/source/table").asText()).isEqualTo("company");
      // nothing more arrives: no duplicate of either row
      await()
          .during(Duration.ofSeconds(3))
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(() -> assertThat(changes(TestTopics.readAll(topic))).hasSize(2));
    }
  }

  private CdcSettings settings() {
    return CdcSettings.load(
        Map.of(),
        "kafka.bootstrap.servers=" + KafkaBroker.shared().bootstrapServers(),
        "database.hostname=" + database.host(),
        "database.port=" + database.port(),
        "database.user=" + database.username(),
        "database.password=" + (database.password() == null ? "" : database.password()),
        "database.dbname=" + database.name(),
        "topic.prefix=" + prefix,
        "slot.name=" + prefix,
        "publication.name=" + prefix,
        "mailsync.cdc.data.dir=" + dataDir);
  }

  /** Reads the topic from the beginning until {@code expected} change events have arrived. */
  private static List<JsonNode> awaitChanges(String topic, int expected) {
    return changes(TestTopics.await(topic, record -> record.value() != null, expected));
  }

  /** The change events among the records, tombstones left out. */
  private static List<JsonNode> changes(List<ConsumerRecord<String, byte[]>> records) {
    return records.stream()
        .filter(record -> record.value() != null)
        .map(record -> json(record.value()))
        .toList();
  }

  private static JsonNode json(byte[] value) {
    try {
      return JSON.readTree(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void sql(String... statements) throws SQLException {
    try (Connection c = database.connect();
        Statement s = c.createStatement()) {
      for (String statement : statements) {
        s.execute(statement);
      }
    }
  }
}
