package io.mailsync.e2e.stack;

import io.mailsync.testkit.auth.TestJwt;
import io.mailsync.testkit.kafka.KafkaBroker;
import io.mailsync.testkit.mail.GreenMailServer;
import io.mailsync.testkit.mail.MailAccount;
import io.mailsync.testkit.mail.TestMessage;
import io.mailsync.testkit.postgres.PostgresServer;
import io.mailsync.testkit.postgres.TestDatabase;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code ./mailsync up}: Kafka, PostgreSQL (the local server, else an embedded one), the cdc
 * process, a demo mail server with a demo mailbox, and the four services — no Docker. It seeds a
 * demo company, contact and user, registers the demo mailbox, prints the demo company's timeline
 * URL with a bearer token, and runs until Ctrl-C, which stops everything it started.
 *
 * <p>State lives for one run: the {@code mailsync_dev} database is recreated at start and Kafka
 * keeps its data in a temporary directory.
 */
public final class LocalRun {

  static final String TENANT = "demo";
  static final String DEMO_USER = "demo@acme.test";
  static final String DEMO_PASSWORD = "demo-password";

  public static void main(String[] args) throws Exception {
    Instant started = Instant.now();
    Path root = Path.of(System.getProperty("mailsync.root", ".")).toAbsolutePath().normalize();
    Path workDir = root.resolve(".run");
    int kafkaPort = port("MAILSYNC_KAFKA_PORT", 9092);
    int smtpPort = port("MAILSYNC_DEMO_SMTP_PORT", 3025);
    int imapPort = port("MAILSYNC_DEMO_IMAP_PORT", 3143);
    StackSettings.ServicePorts ports = new StackSettings.ServicePorts(8080, 8081, 8082, 8083);
    for (int port : List.of(kafkaPort, smtpPort, imapPort, 8080, 8081, 8082, 8083)) {
      requireFree(port);
    }
    // One run's state only: the database is recreated below, so offsets, stream state and logs
    // of an earlier run must go too.
    for (String stale : List.of("cdc", "linker-state", "logs")) {
      deleteTree(workDir.resolve(stale));
    }
    Files.createDirectories(workDir);

    List<AutoCloseable> toStop = new ArrayList<>();
    CountDownLatch stopped = new CountDownLatch(1);
    AtomicBoolean stopping = new AtomicBoolean();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  stopping.set(true);
                  System.out.println("\n[mailsync] stopping…");
                  for (int i = toStop.size() - 1; i >= 0; i--) {
                    try {
                      toStop.get(i).close();
                    } catch (Exception e) {
                      System.err.println("[mailsync] " + e.getMessage());
                    }
                  }
                  System.out.println("[mailsync] stopped.");
                  stopped.countDown();
                },
                "mailsync-stop"));

    say("starting Kafka on 127.0.0.1:" + kafkaPort);
    KafkaBroker kafka = KafkaBroker.start(kafkaPort);
    toStop.add(kafka::stop);
    kafka.createMailsyncTopics();

    PostgresServer postgres = PostgresServer.shared();
    say(
        (postgres.isEmbedded() ? "started an embedded PostgreSQL" : "using PostgreSQL")
            + " at 127.0.0.1:"
            + postgres.port()
            + " (database mailsync_dev)");
    TestDatabase database = postgres.recreateDatabase("mailsync_dev");

    say("starting the demo mail server (SMTP " + smtpPort + ", IMAP " + imapPort + ")");
    GreenMailServer mail = GreenMailServer.start(smtpPort, imapPort);
    toStop.add(mail::stop);
    MailAccount demo = mail.createAccount(DEMO_USER, DEMO_PASSWORD);

    StackSettings settings =
        new StackSettings(
            root,
            workDir,
            kafka.bootstrapServers(),
            database,
            TestJwt.publicKeyBase64(),
            ports,
            "mailsync_dev",
            StackSettings.randomKey(),
            StackSettings.randomKey(),
            "5s");
    say("starting timeline and fetcher, then cdc, linker and sender (logs in .run/logs)");
    MailsyncStack stack = new MailsyncStack(settings);
    toStop.add(stack);
    stack.start();

    String token = TestJwt.token(TENANT, "demo-user", Instant.now().plus(Duration.ofHours(12)));
    DemoData demoData = DemoData.seed(settings, token, demo, "bob@customer.test");
    seedMail(mail, demo);
    new StackClient(token).registerMailbox(settings.fetcherUrl(), demo);

    String url = settings.timelineUrl() + "/api/v1/companies/" + demoData.companyId() + "/timeline";
    System.out.printf(
        "%n[mailsync] up in %d s. The demo mail shows on the demo company's timeline within a"
            + " minute:%n%n  TOKEN=%s%n  curl -H \"Authorization: Bearer $TOKEN\" %s%n%n"
            + "[mailsync] demo mailbox %s / %s on 127.0.0.1 (IMAP %d, SMTP %d). Ctrl-C stops"
            + " everything.%n",
        Duration.between(started, Instant.now()).toSeconds(),
        token,
        url,
        DEMO_USER,
        DEMO_PASSWORD,
        imapPort,
        smtpPort);
    Files.writeString(workDir.resolve("token"), token + "\n");
    Files.writeString(workDir.resolve("timeline-url"), url + "\n");
    Set<String> reported = new HashSet<>();
    while (!stopped.await(2, TimeUnit.SECONDS)) {
      for (String name : stack.exited()) {
        if (!stopping.get() && reported.add(name)) {
          say(name + " has stopped; see " + stack.logFile(name));
        }
      }
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  private static void seedMail(GreenMailServer mail, MailAccount demo) {
    Instant now = Instant.now();
    String[][] mails = {
      {
        "Bob Buyer <bob@customer.test>",
        "Quote for 20 seats",
        "Hi, could you send a quote for 20 seats?"
      },
      {
        "Carol Chief <carol@customer.test>",
        "Contract questions",
        "Two questions on the contract draft."
      },
      {"Bob Buyer <bob@customer.test>", "Re: Quote for 20 seats", "Thanks, looks good."},
      {"News <news@unrelated.test>", "Weekly newsletter", "Nothing to do with any customer."}
    };
    for (int i = 0; i < mails.length; i++) {
      mail.deliver(
          demo,
          TestMessage.from(mails[i][0])
              .to(demo.email())
              .subject(mails[i][1])
              .text(mails[i][2])
              // dated after the demo contact exists: mail links only to contacts that existed then
              .date(Date.from(now.plusSeconds(i))));
    }
  }

  private static int port(String variable, int fallback) {
    String value = System.getenv(variable);
    return value == null || value.isBlank() ? fallback : Integer.parseInt(value.strip());
  }

  private static void requireFree(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
    } catch (IOException taken) {
      throw new IllegalStateException(
          "port "
              + port
              + " is taken: stop what uses it (e.g. `ss -ltnp 'sport = :"
              + port
              + "'`) or see README, \"Run locally\", for the variables that move Mailsync's ports");
    }
  }

  static void say(String line) {
    System.out.println("[mailsync] " + line);
  }

  private LocalRun() {}
}
