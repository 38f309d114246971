package io.mailsync.testkit.kafka;

import io.mailsync.contracts.TopicDeclaration;
import io.mailsync.contracts.Topics;
import io.mailsync.testkit.ChildProcess;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * A real Apache Kafka broker in KRaft mode (combined broker and controller), run as a child JVM
 * from the Kafka server artifacts on free loopback ports. One per test JVM: {@link #shared()}.
 *
 * <p>Like every Mailsync broker it does not auto-create topics: tests create the declared ones
 * ({@link #createMailsyncTopics()}) or their own, so a topic a service uses without declaring it
 * fails in tests as it would in production.
 */
public final class KafkaBroker {

  private static final String CLASSPATH_RESOURCE = "/io/mailsync/testkit/kafka-broker.classpath";
  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);
  private static KafkaBroker shared;

  private final ChildProcess process;
  private final String bootstrapServers;

  private KafkaBroker(ChildProcess process, String bootstrapServers) {
    this.process = process;
    this.bootstrapServers = bootstrapServers;
  }

  /** The broker of this test JVM, started on first use and stopped when the JVM exits. */
  public static synchronized KafkaBroker shared() {
    if (shared == null || !shared.process.isAlive()) {
      shared = start();
    }
    return shared;
  }

  /** Starts a new broker on a free port; the caller stops it with {@link #stop()}. */
  public static KafkaBroker start() {
    return start(ChildProcess.freePort());
  }

  /** Starts a new broker on {@code port} (e.g. 9092 for local runs). */
  public static KafkaBroker start(int port) {
    try {
      Path dir = Files.createTempDirectory("mailsync-kafka-");
      int controllerPort = ChildProcess.freePort();
      Path config = dir.resolve("server.properties");
      Files.writeString(config, serverProperties(dir, port, controllerPort));
      String classpath = classpath();
      format(dir, config, classpath);
      ChildProcess broker =
          ChildProcess.start(
              "kafka-broker",
              List.of(
                  javaExecutable(),
                  "-Xms128m",
                  "-Xmx512m",
                  "-XX:+UseSerialGC",
                  "-XX:TieredStopAtLevel=1",
                  "-cp",
                  classpath,
                  BrokerLauncher.class.getName(),
                  Long.toString(ProcessHandle.current().pid()),
                  config.toString()),
              dir.resolve("broker.log"),
              "Kafka Server started");
      broker.awaitReadyLine(STARTUP_TIMEOUT);
      return new KafkaBroker(broker, "127.0.0.1:" + port);
    } catch (IOException e) {
      throw new UncheckedIOException("Kafka test broker could not start", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting the Kafka test broker", e);
    }
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  public long pid() {
    return process.pid();
  }

  public void stop() {
    process.close();
  }

  /** Creates every topic Mailsync declares ({@link Topics#declarations()}) that is missing. */
  public void createMailsyncTopics() {
    createTopics(Topics.declarations());
  }

  /** Creates the declared topics that don't exist yet, with their partitions and configs. */
  public void createTopics(Collection<TopicDeclaration> declarations) {
    create(
        declarations.stream()
            .map(
                declared ->
                    new NewTopic(declared.name(), declared.partitions(), (short) 1)
                        .configs(declared.configs()))
            .toList());
  }

  /** Creates ad-hoc topics of one partition each (the broker creates none by itself). */
  public void createTopics(String... names) {
    create(Arrays.stream(names).map(name -> new NewTopic(name, 1, (short) 1)).toList());
  }

  private void create(List<NewTopic> topics) {
    try (Admin admin = admin()) {
      Set<String> existing = admin.listTopics().names().get();
      List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t.name())).toList();
      admin.createTopics(missing).all().get();
    } catch (ExecutionException e) {
      // another test JVM's resource may have created one meanwhile
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException(
            "could not create topics "
                + topics.stream().map(NewTopic::name).collect(Collectors.joining(", ")),
            e.getCause());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topics", e);
    }
  }

  /**
   * The command line that runs one of Kafka's command-line tools with the broker's jars, e.g.
   * {@code org.apache.kafka.tools.TopicCommand} (what {@code kafka-topics.sh} runs), for tests of
   * scripts written for those tools.
   */
  public static List<String> toolCommand(String mainClass) {
    try {
      String classpath = classpath();
      // A class-data archive of the tool's classes, made by its first run, halves later starts.
      Path archive =
          Path.of(
              System.getProperty("java.io.tmpdir"),
              "mailsync-kafka-tools-"
                  + Integer.toHexString((classpath + Runtime.version()).hashCode())
                  + ".jsa");
      return List.of(
          javaExecutable(),
          "-Xmx256m",
          "-XX:+UseSerialGC",
          "-XX:TieredStopAtLevel=1",
          "-XX:+AutoCreateSharedArchive",
          "-XX:SharedArchiveFile=" + archive,
          "-Xlog:cds=off",
          "-Xlog:cds+dynamic=off",
          "-cp",
          classpath,
          mainClass);
    } catch (IOException e) {
      throw new UncheckedIOException("Kafka broker classpath unreadable", e);
    }
  }

  public Admin admin() {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    return Admin.create(props);
  }

  private static void format(Path dir, Path config, String classpath)
      throws IOException, InterruptedException {
    try (ChildProcess format =
        ChildProcess.start(
            "kafka-storage-format",
            List.of(
                javaExecutable(),
                "-Xmx256m",
                "-cp",
                classpath,
                "kafka.tools.StorageTool",
                "format",
                "-t",
                Uuid.randomUuid().toString(),
                "-c",
                config.toString(),
                "--ignore-formatted"),
            dir.resolve("format.log"),
            null)) {
      if (!format.awaitExit(STARTUP_TIMEOUT)) {
        throw new IllegalStateException("Kafka storage format hung; see " + format.logFile());
      }
    }
    if (!Files.exists(dir.resolve("logs").resolve("meta.properties"))) {
      throw new IllegalStateException(
          "Kafka storage format failed; see " + dir.resolve("format.log"));
    }
  }

  private static String serverProperties(Path dir, int port, int controllerPort) {
    return String.join(
            "\n",
            "process.roles=broker,controller",
            "node.id=1",
            "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
            "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
            "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
            "controller.listener.names=CONTROLLER",
            "inter.broker.listener.name=PLAINTEXT",
            "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
            "log.dirs=" + dir.resolve("logs"),
            "num.partitions=1",
            "default.replication.factor=1",
            "offsets.topic.replication.factor=1",
            "offsets.topic.num.partitions=1",
            "transaction.state.log.replication.factor=1",
            "transaction.state.log.min.isr=1",
            "share.coordinator.state.topic.replication.factor=1",
            "share.coordinator.state.topic.min.isr=1",
            "group.initial.rebalance.delay.ms=0",
            "auto.create.topics.enable=false",
            "log.flush.interval.messages=1",
            "")
        .replace('\\', '/');
  }

  private static String classpath() throws IOException {
    try (InputStream in = KafkaBroker.class.getResourceAsStream(CLASSPATH_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "Kafka broker classpath missing ("
                + CLASSPATH_RESOURCE
                + "): build the testkit-kafka-broker module first (./mvnw install -pl testkit -am)");
      }
      String brokerJars = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
      for (String jar : brokerJars.split(java.io.File.pathSeparator)) {
        if (!Files.exists(Path.of(jar))) {
          throw new IllegalStateException(
              "Kafka broker jar "
                  + jar
                  + " is missing from the local Maven repository: rebuild the testkit-kafka-broker module");
        }
      }
      return ownLocation() + java.io.File.pathSeparator + brokerJars;
    }
  }

  /** Where the launcher class lives (a jar or a classes directory), for the child's classpath. */
  private static String ownLocation() {
    try {
      return Path.of(
              BrokerLauncher.class.getProtectionDomain().getCodeSource().getLocation().toURI())
          .toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static String javaExecutable() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
