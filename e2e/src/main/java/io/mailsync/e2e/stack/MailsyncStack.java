package io.mailsync.e2e.stack;

import io.mailsync.testkit.cdc.CdcProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The four services and the cdc process, each a separate JVM from its runnable jar, pointed at one
 * Kafka broker and one PostgreSQL database (a schema per service). Used by the e2e tests and by
 * {@code ./mailsync up}.
 */
public final class MailsyncStack implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

  private final StackSettings settings;
  private final Map<String, ServiceProcess> processes = new HashMap<>();

  public MailsyncStack(StackSettings settings) {
    this.settings = settings;
  }

  /**
   * Starts timeline and fetcher first (their migrations create the tables cdc captures, their
   * outboxes among them), then cdc, waiting until it streams, then the rest.
   */
  public MailsyncStack start() throws IOException, InterruptedException {
    Path keyFile = settings.workDir().resolve("jwt").resolve("publicKey.pem");
    Files.createDirectories(keyFile.getParent());
    Files.writeString(
        keyFile,
        "-----BEGIN PUBLIC KEY-----\n"
            + settings.jwtPublicKeyBase64()
            + "\n-----END PUBLIC KEY-----\n");
    // cdc's publication takes the outbox tables that exist when it starts.
    List<ServiceProcess> owners = new ArrayList<>();
    owners.add(service("timeline-service", settings.ports().timeline(), keyFile));
    owners.add(service("fetcher-service", settings.ports().fetcher(), keyFile));
    for (ServiceProcess p : owners) {
      p.start();
    }
    for (ServiceProcess p : owners) {
      p.awaitReady(START_TIMEOUT);
    }
    startCdc();
    List<ServiceProcess> others = new ArrayList<>();
    others.add(service("linker-service", settings.ports().linker(), keyFile));
    others.add(service("sender-service", settings.ports().sender(), keyFile));
    for (ServiceProcess p : others) {
      p.start();
    }
    for (ServiceProcess p : others) {
      p.awaitReady(START_TIMEOUT);
    }
    return this;
  }

  /** Stops and starts one service again (same settings), e.g. to prove a restart is harmless. */
  public void restart(String name) throws IOException, InterruptedException {
    ServiceProcess process = processes.get(name);
    process.close();
    process.start();
    if ("cdc".equals(name)) {
      awaitCdcStreaming(process);
    } else {
      process.awaitReady(START_TIMEOUT);
    }
  }

  /** Processes of the stack that have exited since they were started. */
  public List<String> exited() {
    return processes.values().stream()
        .filter(p -> !p.isAlive())
        .map(ServiceProcess::name)
        .sorted()
        .toList();
  }

  public Path logFile(String name) {
    return processes.get(name).logFile();
  }

  private void startCdc() throws IOException, InterruptedException {
    Path jar = settings.root().resolve("cdc/target/cdc.jar");
    requireBuilt(jar);
    List<String> arguments =
        CdcProcess.arguments(
            settings.database(),
            settings.kafkaBootstrapServers(),
            settings.slotName(),
            settings.workDir().resolve("cdc"));
    ServiceProcess cdc =
        new ServiceProcess(
            "cdc",
            ServiceProcess.javaJar(jar, arguments.toArray(String[]::new)),
            Map.of(),
            settings.workDir().resolve("logs/cdc.log"),
            null);
    processes.put("cdc", cdc);
    cdc.start();
    awaitCdcStreaming(cdc);
  }

  /**
   * The timeline's send path goes through its outbox, which only a streaming cdc publishes: a row
   * committed before cdc created its slot and stored its first offsets could be missed.
   */
  private void awaitCdcStreaming(ServiceProcess cdc) throws InterruptedException {
    cdc.awaitCondition(
        "streaming from slot " + settings.slotName(),
        START_TIMEOUT,
        () ->
            CdcProcess.isStreaming(
                settings.database(), settings.slotName(), settings.workDir().resolve("cdc")));
  }

  private ServiceProcess service(String name, int port, Path jwtKey) {
    Path jar = settings.root().resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
    requireBuilt(jar);
    var db = settings.database();
    Map<String, String> env = new HashMap<>();
    env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
    env.put("KAFKA_BOOTSTRAP_SERVERS", settings.kafkaBootstrapServers());
    env.put("QUARKUS_DATASOURCE_REACTIVE_URL", db.reactiveUrl());
    env.put("QUARKUS_DATASOURCE_JDBC_URL", db.jdbcUrl());
    env.put("QUARKUS_DATASOURCE_USERNAME", db.username());
    env.put("QUARKUS_DATASOURCE_PASSWORD", db.password() == null ? "" : db.password());
    env.put("MAILSYNC_JWT_PUBLIC_KEY_LOCATION", jwtKey.toString());
    env.put("MAILSYNC_CREDENTIALS_SEALING_KEY_ID", "local");
    env.put("MAILSYNC_CREDENTIALS_SEALING_KEY", settings.sealingKey());
    env.put("MAILSYNC_FETCHER_CREDENTIALS_AT_REST_KEY_ID", "local");
    env.put("MAILSYNC_FETCHER_CREDENTIALS_AT_REST_KEY", settings.atRestKey());
    // Local runs and tests talk to mail servers on loopback, which production refuses.
    // The stack's mail servers listen on loopback, on free high ports.
    env.put("MAILSYNC_MAIL_SERVERS_ALLOW_PRIVATE_HOSTS", "true");
    env.put("MAILSYNC_MAIL_SERVERS_ALLOWED_PORTS", "143,993,25,465,587,2525,1024-65535");
    env.put("MAILSYNC_FETCHER_POLL_INTERVAL", settings.fetcherPollInterval());
    env.put("MAILSYNC_LINKER_STATE_DIR", settings.workDir().resolve("linker-state").toString());
    ServiceProcess process =
        new ServiceProcess(
            name,
            ServiceProcess.javaJar(jar),
            env,
            settings.workDir().resolve("logs/" + name + ".log"),
            port);
    processes.put(name, process);
    return process;
  }

  private static void requireBuilt(Path jar) {
    if (!Files.exists(jar)) {
      throw new IllegalStateException(
          jar + " is missing: build first (./mvnw -DskipTests package)");
    }
  }

  @Override
  public void close() {
    // Services first, so nothing consumes or produces while cdc and the broker go away.
    for (String name :
        List.of("fetcher-service", "sender-service", "linker-service", "timeline-service", "cdc")) {
      ServiceProcess process = processes.get(name);
      if (process != null) {
        process.close();
      }
    }
  }
}
