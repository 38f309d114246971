package io.mailsync.fetcher.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.testkit.postgres.PostgresServer;
import io.mailsync.testkit.postgres.TestDatabase;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rows written while folders were a JSON text column keep every name, in order, as a text[]. */
class FolderColumnMigrationIT {

  private TestDatabase database;

  @BeforeEach
  void createDatabase() {
    database = PostgresServer.shared().createDatabase("fetcher_migration");
  }

  @AfterEach
  void dropDatabase() {
    PostgresServer.shared().dropDatabase(database);
  }

  @Test
  void convertsTheJsonFolderListsWithoutLoss() throws SQLException {
    flyway("2").migrate();
    Map<UUID, String> stored = new LinkedHashMap<>();
    stored.put(UUID.randomUUID(), "[]");
    stored.put(UUID.randomUUID(), "");
    stored.put(UUID.randomUUID(), "[\"INBOX\",\"Sent\"]");
    stored.put(
        UUID.randomUUID(),
        "[\"Z last\",\"a, \\\"quoted\\\" name\",\"{braces}\",\"Entwürfe/Ünïcødé\",\"back\\\\slash\","
            + "\"NULL\",\"\"]");
    try (Connection c = database.connect()) {
      int n = 0;
      for (Map.Entry<UUID, String> row : stored.entrySet()) {
        insertV2Row(c, row.getKey(), "user" + n++ + "@crm.test", row.getValue());
      }
    }

    flyway(null).migrate();

    try (Connection c = database.connect()) {
      List<UUID> ids = List.copyOf(stored.keySet());
      assertThat(folders(c, ids.get(0))).isEmpty();
      assertThat(folders(c, ids.get(1))).isEmpty();
      assertThat(folders(c, ids.get(2))).containsExactly("INBOX", "Sent");
      assertThat(folders(c, ids.get(3)))
          .containsExactly(
              "Z last",
              "a, \"quoted\" name",
              "{braces}",
              "Entwürfe/Ünïcødé",
              "back\\slash",
              "NULL",
              "");
      try (PreparedStatement type =
              c.prepareStatement(
                  "SELECT data_type, is_nullable FROM information_schema.columns"
                      + " WHERE table_schema = 'fetcher' AND table_name = 'mailbox'"
                      + " AND column_name = 'folders'");
          ResultSet column = type.executeQuery()) {
        assertThat(column.next()).isTrue();
        assertThat(column.getString(1)).isEqualTo("ARRAY");
        assertThat(column.getString(2)).isEqualTo("NO");
      }
    }
  }

  private Flyway flyway(String target) {
    var configuration =
        Flyway.configure()
            .dataSource(database.jdbcUrl(), database.username(), database.password())
            .schemas("fetcher")
            .defaultSchema("fetcher")
            .locations("classpath:db/migration");
    if (target != null) {
      configuration.target(target);
    }
    return configuration.load();
  }

  private static void insertV2Row(Connection c, UUID id, String email, String folders)
      throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement(
            """
            INSERT INTO fetcher.mailbox (id, tenant_id, owner_user_id, email_address, username,
              password_key_id, password_algorithm, password_ciphertext,
              imap_host, imap_port, imap_security, imap_trust_any_certificate,
              smtp_host, smtp_port, smtp_security, smtp_trust_any_certificate,
              folders, state, config_version, sync_status, created_at, updated_at)
            VALUES (?, 'tenant', 'user', ?, ?, 'k', 'a', 'c', 'imap.test', 993, 'SSL', false,
              'smtp.test', 587, 'STARTTLS', false, ?, 'ACTIVE', 1, 'PENDING', now(), now())
            """)) {
      insert.setObject(1, id);
      insert.setString(2, email);
      insert.setString(3, email);
      insert.setString(4, folders);
      insert.executeUpdate();
    }
  }

  private static List<String> folders(Connection c, UUID id) throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement("SELECT folders FROM fetcher.mailbox WHERE id = ?")) {
      select.setObject(1, id);
      try (ResultSet row = select.executeQuery()) {
        assertThat(row.next()).isTrue();
        Array array = row.getArray(1);
        return Arrays.asList((String[]) array.getArray());
      }
    }
  }
}
