package io.mailsync.testkit.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PostgresServerIT {

  private static TestDatabase database;

  @BeforeAll
  static void createDatabase() {
    database = PostgresServer.shared().createDatabase("PostgresServerIT");
  }

  @AfterAll
  static void dropDatabase() throws SQLException {
    PostgresServer.shared().dropDatabase(database);
    try (Connection c = adminConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT count(*) FROM pg_database WHERE datname = '" + database.name() + "'")) {
      rs.next();
      assertThat(rs.getInt(1)).as("database dropped").isZero();
    }
  }

  @Test
  void freshDatabaseAnswersQueries() throws SQLException {
    try (Connection c = database.connect();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE company (id bigint PRIMARY KEY, name text NOT NULL)");
      s.execute("INSERT INTO company VALUES (1, 'Acme')");
      try (ResultSet rs = s.executeQuery("SELECT name, current_database() FROM company")) {
        rs.next();
        assertThat(rs.getString(1)).isEqualTo("Acme");
        assertThat(rs.getString(2)).isEqualTo(database.name());
      }
    }
  }

  @Test
  void logicalReplicationSlotSeesAnInsert() throws SQLException {
    try (Connection c = database.connect();
        Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("SHOW wal_level")) {
        rs.next();
        assertThat(rs.getString(1)).isEqualTo("logical");
      }
      s.execute("CREATE TABLE contact (id bigint PRIMARY KEY, email text NOT NULL)");
      s.execute("CREATE PUBLICATION testkit_pub FOR TABLE contact");
      // pgoutput is the plugin Debezium uses; test_decoding makes the change readable in SQL.
      s.execute("SELECT pg_create_logical_replication_slot('testkit_pgoutput', 'pgoutput')");
      s.execute("SELECT pg_create_logical_replication_slot('testkit_text', 'test_decoding')");
      s.execute("INSERT INTO contact VALUES (7, 'bob@customer.test')");

      List<String> changes = new ArrayList<>();
      try (ResultSet rs =
          s.executeQuery(
              "SELECT data FROM pg_logical_slot_get_changes('testkit_text', NULL, NULL)")) {
        while (rs.next()) {
          changes.add(rs.getString(1));
        }
      }
      assertThat(changes)
          .anySatisfy(
              change ->
                  assertThat(change)
                      .contains("public.contact: INSERT")
                      .contains("bob@customer.test"));
      try (ResultSet rs =
          s.executeQuery(
              "SELECT count(*) FROM pg_logical_slot_peek_binary_changes('testkit_pgoutput', NULL, NULL,"
                  + " 'proto_version', '1', 'publication_names', 'testkit_pub')")) {
        rs.next();
        assertThat(rs.getInt(1))
            .as("pgoutput messages (BEGIN, RELATION, INSERT, COMMIT)")
            .isGreaterThanOrEqualTo(3);
      }
    }
  }

  private static Connection adminConnection() throws SQLException {
    return new TestDatabase(
            database.host(), database.port(), "postgres", database.username(), database.password())
        .connect();
  }
}
