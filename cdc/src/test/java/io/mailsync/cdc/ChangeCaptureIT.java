package io.mailsync.cdc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mailsync.contracts.Topics;
import io.mailsync.contracts.kafka.CloudEventMetadata;
import io.mailsync.contracts.kafka.ContractSerializer;
import io.mailsync.contracts.outbox.OutboxEvent;
import io.mailsync.contracts.send.EmailAddress;
import io.mailsync.contracts.send.SendEmail;
import io.mailsync.testkit.cdc.CdcProcess;
import io.mailsync.testkit.kafka.KafkaBroker;
import io.mailsync.testkit.kafka.TestTopics;
import io.mailsync.testkit.postgres.PostgresServer;
import io.mailsync.testkit.postgres.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChangeCaptureIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final URI SOURCE = URI.create("/mailsync/cdc-tests");

  /** The table shape OutboxEvent documents, as the services' migrations create it. */
  private static final String OUTBOX_TABLE =
      """
      CREATE TABLE %s.outbox (
          id uuid PRIMARY KEY, topic text NOT NULL, record_key bytea NOT NULL,
          payload bytea NOT NULL, ce_specversion text NOT NULL, ce_id text NOT NULL,
          ce_type text NOT NULL, ce_source text NOT NULL, ce_time text NOT NULL,
          content_type text NOT NULL, tenant_id text NOT NULL,
          created_at timestamptz NOT NULL DEFAULT now())
      """;

  @TempDir Path dataDir;
  private TestDatabase database;
  private String prefix;

  @BeforeEach
  void createDirectoryTable() throws SQLException {
    database = PostgresServer.shared().createDatabase("ChangeCaptureIT");
    prefix = "it" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    KafkaBroker.shared().createTopics("mailsync.heartbeats." + prefix);
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

  @Test
  void directoryChangeEventsAreTheJsonTheyWereBeforeHeadersWereForwarded() throws Exception {
    String topic = prefix + ".timeline.contact";
    KafkaBroker.shared().createTopics(topic);
    sql(
        "CREATE TABLE timeline.contact (id uuid PRIMARY KEY, tenant_id text NOT NULL,"
            + " company_id uuid, email text NOT NULL, name text, created_at timestamptz NOT NULL)",
        "ALTER TABLE timeline.contact REPLICA IDENTITY FULL");

    try (ChangeCapture capture = new ChangeCapture(settings())) {
      capture.start();
      awaitStreaming();
      sql(
          "INSERT INTO timeline.contact VALUES ('6f1c2d9e-0000-4000-8000-000000000001', 't1',"
              + " NULL, 'bob@customer.test', 'Bob', '2026-11-20T10:00:00.123456Z')",
          "UPDATE timeline.contact SET name = 'Bob B.' WHERE tenant_id = 't1'",
          "DELETE FROM timeline.contact WHERE tenant_id = 't1'");

      // Recorded from the cdc process as it was before it forwarded headers and took its
      // converters from connector.properties: create, update, delete and the delete's tombstone.
      List<String> expected =
          Files.readAllLines(
              Path.of(getClass().getResource("/directory-events.txt").toURI()),
              StandardCharsets.UTF_8);
      assertThat(rawChanges(topic, 4)).containsExactlyElementsOf(expected);
    }
  }

  @Test
  void outboxRowIsPublishedAsTheRecordADirectPublishWrites() throws Exception {
    KafkaBroker.shared().createMailsyncTopics();
    sql(OUTBOX_TABLE.formatted("timeline"));
    SendEmail command = command();
    OutboxEvent event = OutboxEvent.of(command, SOURCE);

    try (ChangeCapture capture = new ChangeCapture(settings())) {
      capture.start();
      awaitStreaming();
      insertAndDelete("timeline.outbox", event);

      ConsumerRecord<String, byte[]> published =
          single(Topics.SEND_COMMANDS, command.id(), Duration.ofSeconds(3));
      assertThat(published.key()).isEqualTo(command.key());
      assertThat(published.value())
          .isEqualTo(new ContractSerializer().serialize(Topics.SEND_COMMANDS, command));
      assertThat(headers(published.headers()))
          .containsExactlyElementsOf(headers(CloudEventMetadata.headers(command, SOURCE)));
      // The insert's delete and tombstone were skipped rather than sent to a topic of their own.
      assertThat(capture.stopped()).isNotDone();
      assertThat(countOfOutboxRows("timeline")).isZero();
    }
  }

  @Test
  void aStopRightAfterTheStartWaitsForTheEngineInsteadOfFailing() throws Exception {
    KafkaBroker.shared().createMailsyncTopics();
    ChangeCapture capture = new ChangeCapture(settings());
    capture.start();
    // A stop signal as the process comes up: the engine's tasks are still starting.
    capture.close();
    await().atMost(Duration.ofSeconds(30)).until(() -> capture.stopped().isDone());
    assertThat(capture.stopped()).isCompleted();
  }

  @Test
  void anOutboxTableCreatedAfterTheStartIsCapturedFromTheNextStart() throws Exception {
    KafkaBroker.shared().createMailsyncTopics();
    SendEmail command = command();
    try (ChangeCapture capture = new ChangeCapture(settings())) {
      // fetcher.outbox is on the include list but missing: the engine starts all the same.
      capture.start();
      awaitStreaming();
      assertThat(capture.stopped()).isNotDone();
    }
    sql("CREATE SCHEMA fetcher", OUTBOX_TABLE.formatted("fetcher"));

    try (ChangeCapture capture = new ChangeCapture(settings())) {
      capture.start();
      awaitStreaming();
      insertAndDelete("fetcher.outbox", OutboxEvent.of(command, SOURCE));

      assertThat(single(Topics.SEND_COMMANDS, command.id(), Duration.ofSeconds(1)).key())
          .isEqualTo(command.key());
    }
  }

  @Test
  void aRowCommittedWhileTheProcessIsFrozenIsPublishedOnceWhenItIsKilledAndRestarted()
      throws Exception {
    KafkaBroker.shared().createMailsyncTopics();
    sql(OUTBOX_TABLE.formatted("timeline"));
    SendEmail before = command();
    SendEmail during = command();

    try (CdcProcess cdc = CdcProcess.start(database, KafkaBroker.shared().bootstrapServers())) {
      insertAndDelete("timeline.outbox", OutboxEvent.of(before, SOURCE));
      single(Topics.SEND_COMMANDS, before.id(), Duration.ZERO);

      cdc.pause();
      insertAndDelete("timeline.outbox", OutboxEvent.of(during, SOURCE));
      cdc.kill();
      cdc.start();

      ConsumerRecord<String, byte[]> published =
          single(Topics.SEND_COMMANDS, during.id(), Duration.ofSeconds(3));
      assertThat(headers(published.headers()))
          .containsExactlyElementsOf(headers(CloudEventMetadata.headers(during, SOURCE)));
    }
  }

  /** Waits until the engine streams from its slot: changes made before that are not captured. */
  private void awaitStreaming() {
    await().atMost(Duration.ofSeconds(60)).until(() -> database.replicationSlotActive(prefix));
  }

  /** Writes the row as a service does: inserted and deleted in one transaction. */
  private void insertAndDelete(String table, OutboxEvent event) throws SQLException {
    try (Connection c = database.connect()) {
      c.setAutoCommit(false);
      try (PreparedStatement insert =
              c.prepareStatement(event.insertInto(table).replaceAll(":[a-z_]+", "?"));
          PreparedStatement delete =
              c.prepareStatement(OutboxEvent.deleteFrom(table).replace(":id", "?"))) {
        int i = 1;
        for (Object value : event.columns().values()) {
          insert.setObject(i++, value);
        }
        insert.executeUpdate();
        delete.setObject(1, event.id());
        delete.executeUpdate();
      }
      c.commit();
    }
  }

  /**
   * The one record on {@code topic} with this CloudEvents id, read until it arrived and then {@code
   * settle} longer, so that a second copy would be seen.
   */
  private static ConsumerRecord<String, byte[]> single(String topic, String ceId, Duration settle) {
    TestTopics.await(topic, record -> ceId.equals(TestTopics.header(record, "ce_id")));
    if (!settle.isZero()) {
      await("no second record with ce_id " + ceId)
          .during(settle)
          .atMost(settle.plusSeconds(30))
          .until(() -> withId(topic, ceId).size() == 1);
    }
    List<ConsumerRecord<String, byte[]>> matching = withId(topic, ceId);
    assertThat(matching).as("records with ce_id " + ceId + " on " + topic).hasSize(1);
    return matching.getFirst();
  }

  private static List<ConsumerRecord<String, byte[]>> withId(String topic, String ceId) {
    return TestTopics.readAll(topic).stream()
        .filter(record -> ceId.equals(TestTopics.header(record, "ce_id")))
        .toList();
  }

  private static List<String> headers(Headers headers) {
    List<String> result = new ArrayList<>();
    for (Header header : headers) {
      result.add(header.key() + "=" + new String(header.value(), StandardCharsets.UTF_8));
    }
    return result;
  }

  private long countOfOutboxRows(String schema) throws SQLException {
    try (Connection c = database.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM " + schema + ".outbox")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static SendEmail command() {
    return new SendEmail(
        UUID.randomUUID().toString(),
        "tenant-" + UUID.randomUUID(),
        Instant.parse("2026-11-23T09:15:30.123456Z"),
        "mailbox-1",
        "user-1",
        List.of(new EmailAddress("bob@customer.test", "Bob")),
        List.of(),
        List.of(),
        "Quote",
        "Here it is: é, 日本",
        null,
        null,
        List.of());
  }

  /** Keys and values as the broker holds them, with what differs between runs blanked out. */
  private List<String> rawChanges(String topic, int expected) {
    List<String> lines = new ArrayList<>();
    for (ConsumerRecord<String, byte[]> record : TestTopics.await(topic, r -> true, expected)) {
      lines.add("key=" + record.key() + " headers=" + record.headers().toArray().length);
      lines.add("value=" + normalized(record.value() == null ? null : TestTopics.text(record)));
    }
    return lines;
  }

  private String normalized(String value) {
    if (value == null) {
      return null;
    }
    return value
        .replaceAll("\"(ts_ms|ts_us|ts_ns|txId|lsn|xmin)\":\\d+", "\"$1\":0")
        .replaceAll("\"sequence\":\"(?:[^\"\\\\]|\\\\.)*\"", "\"sequence\":\"-\"")
        .replace("\"" + prefix + "\"", "\"PREFIX\"")
        .replace("\"" + database.name() + "\"", "\"DATABASE\"");
  }

  /** The settings the testkit starts the cdc process with, plus a topic prefix of this test. */
  private CdcSettings settings() {
    List<String> arguments =
        new ArrayList<>(
            CdcProcess.arguments(
                database, KafkaBroker.shared().bootstrapServers(), prefix, dataDir));
    arguments.add("topic.prefix=" + prefix);
    return CdcSettings.load(Map.of(), arguments.toArray(String[]::new));
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
