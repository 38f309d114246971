package io.mailsync.testkit.cdc;

import io.mailsync.testkit.ChildProcess;
import io.mailsync.testkit.postgres.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;

/**
 * The cdc process ({@code cdc/target/cdc.jar}, the Debezium engine with the shared {@code
 * connector.properties}) run against a test database and broker, as in production: its own
 * replication slot and publication, dropped on {@link #close()}, and its offsets kept across {@link
 * #kill()} and {@link #start()} so a restart resumes where the killed process stopped.
 *
 * <p>The testkit cannot depend on the cdc module (cdc's tests use the testkit), so it runs the
 * built jar: a module whose tests use this declares a test dependency on {@code cdc} so the reactor
 * builds the jar first. {@code -Dmailsync.cdc.jar=PATH} points elsewhere.
 */
public final class CdcProcess implements AutoCloseable {

  public static final String JAR_PROPERTY = "mailsync.cdc.jar";
  private static final Duration STREAMING_TIMEOUT = Duration.ofSeconds(90);

  private final TestDatabase database;
  private final String kafkaBootstrapServers;
  private final String slotName;
  private final Path dataDir;
  private final Path jar;
  private ChildProcess process;
  private boolean paused;

  private CdcProcess(TestDatabase database, String kafkaBootstrapServers, String slotName) {
    this.database = database;
    this.kafkaBootstrapServers = kafkaBootstrapServers;
    this.slotName = slotName;
    this.dataDir = Path.of("target", "cdc-" + slotName).toAbsolutePath();
    this.jar = locateJar();
  }

  /**
   * Starts cdc with a new slot and publication and returns once it streams. The tables it captures
   * must exist by then: the publication names the listed tables that exist when cdc starts.
   */
  public static CdcProcess start(TestDatabase database, String kafkaBootstrapServers) {
    String slot = "cdc_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    CdcProcess cdc = new CdcProcess(database, kafkaBootstrapServers, slot);
    cdc.start();
    return cdc;
  }

  /** Starts the process unless it runs, and waits until it streams from its slot. */
  public synchronized void start() {
    if (process != null && process.isAlive()) {
      return;
    }
    try {
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
      command.addAll(List.of("-jar", jar.toString()));
      command.addAll(arguments(database, kafkaBootstrapServers, slotName, dataDir));
      process = ChildProcess.start("cdc", command, dataDir.resolve("cdc.log"), null);
      paused = false;
      process.awaitCondition(
          "streaming from slot " + slotName + " with its offsets stored",
          STREAMING_TIMEOUT,
          () -> isStreaming(database, slotName, dataDir));
    } catch (IOException e) {
      throw new UncheckedIOException("cdc could not start", e);
    }
  }

  /**
   * Kills the process (SIGKILL), as a crash would: nothing is flushed, nothing acknowledged.
   * Returns once its slot is released, so {@link #start()} can take it over.
   */
  public synchronized void kill() throws InterruptedException {
    process.kill();
    paused = false;
    awaitSlotReleased();
  }

  /** Freezes the process (SIGSTOP): it keeps its connections but reads and publishes nothing. */
  public synchronized void pause() throws IOException, InterruptedException {
    process.pause();
    paused = true;
  }

  public synchronized void resume() throws IOException, InterruptedException {
    process.resume();
    paused = false;
  }

  /** Leaves the process running and streaming, whatever a test did to it. */
  public synchronized void ensureRunning() throws IOException, InterruptedException {
    if (paused && process.isAlive()) {
      resume();
    }
    start();
  }

  public String slotName() {
    return slotName;
  }

  public Path logFile() {
    return dataDir.resolve("cdc.log");
  }

  /** Stops the process (SIGTERM, so it flushes its offsets) and drops its slot and publication. */
  @Override
  public synchronized void close() {
    if (process != null) {
      if (paused) {
        try {
          process.resume();
        } catch (IOException | InterruptedException e) {
          // close() stops it forcibly after its grace period
        }
      }
      process.close();
    }
    dropSlotAndPublication();
  }

  /**
   * The {@code key=value} arguments that point the cdc process at a database and broker, with its
   * own slot and publication (slots are per PostgreSQL cluster, so runs sharing a server need
   * distinct names) and its offsets in {@code dataDir}.
   */
  public static List<String> arguments(
      TestDatabase database, String kafkaBootstrapServers, String slotName, Path dataDir) {
    return List.of(
        "kafka.bootstrap.servers=" + kafkaBootstrapServers,
        "database.hostname=" + database.host(),
        "database.port=" + database.port(),
        "database.user=" + database.username(),
        "database.password=" + (database.password() == null ? "" : database.password()),
        "database.dbname=" + database.name(),
        "slot.name=" + slotName,
        "publication.name=" + slotName,
        "mailsync.cdc.data.dir=" + dataDir);
  }

  /**
   * Whether a cdc process streams from {@code slotName} and has stored its offsets in {@code
   * dataDir} (its first heartbeat does that): only from then on does a crash lose nothing, since a
   * cdc that restarts without offsets snapshots again from the current WAL position.
   */
  public static boolean isStreaming(TestDatabase database, String slotName, Path dataDir)
      throws SQLException {
    return database.replicationSlotActive(slotName)
        && Files.isRegularFile(dataDir.resolve("offsets.dat"));
  }

  private boolean slotActive() {
    try {
      return database.replicationSlotActive(slotName);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the state of slot " + slotName, e);
    }
  }

  /** The slot is released a moment after the process exits; dropping waits for that. */
  private void dropSlotAndPublication() {
    awaitSlotReleased();
    try (Connection c = database.connect()) {
      try (PreparedStatement drop =
          c.prepareStatement(
              "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots"
                  + " WHERE slot_name = ? AND NOT active")) {
        drop.setString(1, slotName);
        drop.execute();
      }
      try (Statement s = c.createStatement()) {
        s.execute("DROP PUBLICATION IF EXISTS " + slotName);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not drop cdc slot " + slotName, e);
    }
  }

  private void awaitSlotReleased() {
    Awaitility.await("slot " + slotName + " released after cdc stopped")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> !slotActive());
  }

  /** {@code -Dmailsync.cdc.jar}, else {@code cdc/target/cdc.jar} in this or a parent directory. */
  private static Path locateJar() {
    String configured = System.getProperty(JAR_PROPERTY);
    if (configured != null && !configured.isBlank()) {
      return requireFile(Path.of(configured));
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("cdc/target/cdc.jar");
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "cdc/target/cdc.jar not found from "
            + Path.of("").toAbsolutePath()
            + ": build the cdc module first (declare a test dependency on io.mailsync:cdc and"
            + " build with -am), or set -D"
            + JAR_PROPERTY);
  }

  private static Path requireFile(Path jar) {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(JAR_PROPERTY + "=" + jar + " is not a file");
    }
    return jar;
  }
}
