package io.mailsync.testkit.postgres;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import org.eclipse.microprofile.config.Config;

/** A database created for one test class on the test PostgreSQL server. */
public record TestDatabase(String host, int port, String name, String username, String password) {

  /**
   * The database a running application (e.g. a {@code @QuarkusTest}) uses, from its datasource
   * settings ({@code quarkus.datasource.jdbc.url}, {@code username}, {@code password}).
   */
  public static TestDatabase of(Config config) {
    URI url =
        URI.create(
            config
                .getValue("quarkus.datasource.jdbc.url", String.class)
                .substring("jdbc:".length()));
    return new TestDatabase(
        url.getHost(),
        url.getPort() < 0 ? 5432 : url.getPort(),
        url.getPath().substring(1),
        config.getValue("quarkus.datasource.username", String.class),
        config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://" + host + ":" + port + "/" + name;
  }

  /** URL form of the Vert.x reactive client used by Hibernate Reactive. */
  public String reactiveUrl() {
    return "postgresql://" + host + ":" + port + "/" + name;
  }

  public Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl(), username, password);
  }

  /** Whether {@code slotName} exists and a client (a running cdc) streams from it. */
  public boolean replicationSlotActive(String slotName) throws SQLException {
    try (Connection c = connect();
        PreparedStatement s =
            c.prepareStatement("SELECT active FROM pg_replication_slots WHERE slot_name = ?")) {
      s.setString(1, slotName);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() && rs.getBoolean(1);
      }
    }
  }

  /** Quarkus datasource settings for this database (reactive and JDBC). */
  public Map<String, String> quarkusConfig() {
    return Map.of(
        "quarkus.datasource.db-kind",
        "postgresql",
        "quarkus.datasource.username",
        username,
        "quarkus.datasource.password",
        password == null ? "" : password,
        "quarkus.datasource.reactive.url",
        reactiveUrl(),
        "quarkus.datasource.jdbc.url",
        jdbcUrl(),
        "quarkus.datasource.devservices.enabled",
        "false");
  }
}
