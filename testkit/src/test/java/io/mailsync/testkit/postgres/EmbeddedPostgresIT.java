package io.mailsync.testkit.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The fallback used where no PostgreSQL server is reachable: it must support Debezium too. */
class EmbeddedPostgresIT {

  @Test
  void embeddedServerRunsWithLogicalReplication() throws Exception {
    PostgresServer server = PostgresServer.startEmbedded();
    assertThat(server.isEmbedded()).isTrue();
    TestDatabase database = server.createDatabase("EmbeddedPostgresIT");

    try (Connection c = database.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SHOW wal_level")) {
      rs.next();
      assertThat(rs.getString(1)).isEqualTo("logical");
    }
    server.dropDatabase(database);
  }
}
