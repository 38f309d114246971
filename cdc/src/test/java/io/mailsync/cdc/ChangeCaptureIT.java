package io.mailsync.cdc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mailsync.testkit.kafka.KafkaBroker;
import io.mailsync.testkit.postgres.PostgresServer;
import io.mailsync.testkit.postgres.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
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
      assertThat(awaitChanges(topic, 3, Duration.ofSeconds(3))).hasSize(2);
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

  private List<JsonNode> awaitChanges(String topic, int expected) throws Exception {
    return awaitChanges(topic, expected, Duration.ofSeconds(60));
  }

  /** Reads the topic from the beginning until {@code expected} change events or the timeout. */
  private List<JsonNode> awaitChanges(String topic, int expected, Duration timeout)
      throws Exception {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.shared().bootstrapServers());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<JsonNode> changes = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + timeout.toNanos();
      while (changes.size() < expected && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
          if (record.value() != null) {
            changes.add(JSON.readTree(record.value()));
          }
        }
      }
    }
    return changes;
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
