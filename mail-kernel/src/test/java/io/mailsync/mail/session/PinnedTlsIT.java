package io.mailsync.mail.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.mailsync.contracts.mailbox.MailServer;
import io.mailsync.mail.host.MailHostPolicy;
import io.mailsync.mail.host.VettedServer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.auth.authentication.UsernamePasswordCredentials;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * TLS over a pinned connection still checks the certificate against the configured name: the
 * servers' certificate names {@code mail.rebind.test} only, and every connection goes to 127.0.0.1.
 * Connecting as {@code mail.rebind.test} works (the name, not the address, is verified); connecting
 * as {@code other.rebind.test} to the same address fails with "TLS failed". The certificate is made
 * here with keytool and trusted through the JVM's trust store (set for the integration tests in the
 * pom).
 */
class PinnedTlsIT {

  private static final String CERTIFIED = "mail" + ScriptedResolver.DOMAIN;
  private static final String OTHER = "other" + ScriptedResolver.DOMAIN;
  private static final String PASSWORD = "changeit";
  private static final ImapTimeouts TIMEOUTS =
      new ImapTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(10));
  private static final MailHostPolicy LOOPBACK_ALLOWED =
      new MailHostPolicy(true, List.of("1024-65535"));

  private static GreenMail greenMail;
  private static Vertx vertx;

  @BeforeAll
  static void start() throws Exception {
    Path dir = Path.of(System.getProperty("javax.net.ssl.trustStore")).getParent();
    Files.createDirectories(dir);
    Path server = dir.resolve("server.p12");
    Path cert = dir.resolve("server.pem");
    Path trust = dir.resolve("trust.p12");
    for (Path old : List.of(server, cert, trust)) {
      Files.deleteIfExists(old);
    }
    keytool(
        "-genkeypair",
        "-alias",
        "mail",
        "-keyalg",
        "RSA",
        "-keysize",
        "2048",
        "-dname",
        "CN=" + CERTIFIED,
        "-ext",
        "SAN=dns:" + CERTIFIED,
        "-validity",
        "2",
        "-storetype",
        "PKCS12",
        "-keystore",
        server.toString(),
        "-storepass",
        PASSWORD,
        "-keypass",
        PASSWORD);
    keytool(
        "-exportcert",
        "-rfc",
        "-alias",
        "mail",
        "-keystore",
        server.toString(),
        "-storepass",
        PASSWORD,
        "-file",
        cert.toString());
    keytool(
        "-importcert",
        "-noprompt",
        "-alias",
        "mail",
        "-file",
        cert.toString(),
        "-storetype",
        "PKCS12",
        "-keystore",
        trust.toString(),
        "-storepass",
        PASSWORD);
    System.setProperty("greenmail.tls.keystore.file", server.toString());
    System.setProperty("greenmail.tls.keystore.password", PASSWORD);
    System.setProperty("greenmail.tls.key.password", PASSWORD);
    greenMail =
        new GreenMail(
            ServerSetup.dynamicPort(
                new ServerSetup[] {ServerSetupTest.SMTPS, ServerSetupTest.IMAPS}));
    greenMail.start();
    greenMail.setUser("tls@example.test", "tls@example.test", "pw-tls");
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stop() {
    greenMail.stop();
    vertx.close();
  }

  @Test
  void imapsVerifiesTheConfiguredNameNotTheAddress() throws Exception {
    try (IMAPStore store = imaps(CERTIFIED)) {
      assertThat(store.isConnected()).isTrue();
    }
    assertThatThrownBy(() -> imaps(OTHER).close())
        .satisfies(
            e ->
                assertThat(ConnectionFailure.of(e, "IMAP", imapsServer(OTHER)).kind())
                    .isEqualTo(ConnectionFailure.Kind.TLS_FAILED));
  }

  @Test
  void smtpsVerifiesTheConfiguredNameNotTheAddress() throws Exception {
    smtps(CERTIFIED).get(20, TimeUnit.SECONDS);
    assertThat(greenMail.waitForIncomingEmail(10_000, 1)).isTrue();

    assertThatThrownBy(() -> smtps(OTHER).get(20, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .satisfies(
            e ->
                assertThat(ConnectionFailure.of(e.getCause(), "SMTP", smtpsServer(OTHER)).kind())
                    .isEqualTo(ConnectionFailure.Kind.TLS_FAILED));
  }

  private static IMAPStore imaps(String name) throws Exception {
    ScriptedResolver.script("127.0.0.1");
    VettedServer vetted = LOOPBACK_ALLOWED.vet(name, greenMail.getImaps().getPort());
    return ImapSessions.connect(vetted, imapsServer(name), "tls@example.test", "pw-tls", TIMEOUTS);
  }

  private static java.util.concurrent.CompletableFuture<?> smtps(String name) throws Exception {
    ScriptedResolver.script("127.0.0.1");
    VettedServer vetted = LOOPBACK_ALLOWED.vet(name, greenMail.getSmtps().getPort());
    MailServer server = smtpsServer(name);
    MailClient client =
        SmtpClients.create(
            vertx,
            vetted,
            SmtpClients.config(vetted, server, true, Duration.ofSeconds(5), Duration.ofSeconds(10)),
            () ->
                Future.succeededFuture(
                    new UsernamePasswordCredentials("tls@example.test", "pw-tls")));
    return client
        .sendMail(
            new MailMessage()
                .setFrom("tls@example.test")
                .setTo("tls@example.test")
                .setSubject("over TLS")
                .setText("verified against the name"))
        .toCompletionStage()
        .toCompletableFuture()
        .whenComplete((sent, failure) -> client.close());
  }

  private static MailServer imapsServer(String name) {
    return new MailServer(name, greenMail.getImaps().getPort(), MailServer.Security.SSL, false);
  }

  private static MailServer smtpsServer(String name) {
    return new MailServer(name, greenMail.getSmtps().getPort(), MailServer.Security.SSL, false);
  }

  private static void keytool(String... arguments) throws Exception {
    List<String> command = new java.util.ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException("keytool failed: " + output);
    }
  }
}
