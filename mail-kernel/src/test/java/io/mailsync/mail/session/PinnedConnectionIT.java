package io.mailsync.mail.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailsync.contracts.mailbox.MailServer;
import io.mailsync.mail.host.MailHostPolicy;
import io.mailsync.mail.host.VettedServer;
import io.mailsync.testkit.mail.GreenMailServer;
import io.mailsync.testkit.mail.ImapClient;
import io.mailsync.testkit.mail.MailAccount;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.auth.authentication.UsernamePasswordCredentials;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DNS rebinding against real IMAP and SMTP clients: the name answers one address to the host check
 * and another to every later lookup. The clients must connect to the checked address, so a public
 * answer followed by 127.0.0.1 reaches nothing local, and a checked loopback answer followed by
 * another address still reaches the loopback server.
 */
class PinnedConnectionIT {

  /** TEST-NET-2: public as far as the policy is concerned, and routed nowhere from here. */
  private static final String PUBLIC = "198.51.100.7";

  private static final String HOST = "mail" + ScriptedResolver.DOMAIN;
  private static final ImapTimeouts TIMEOUTS =
      new ImapTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5));
  private static final List<String> ANY_HIGH_PORT = List.of("1024-65535");

  private static GreenMailServer greenMail;
  private static Vertx vertx;

  @BeforeAll
  static void start() {
    greenMail = GreenMailServer.start();
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stop() {
    greenMail.stop();
    vertx.close();
  }

  @Test
  void imapGoesToThePublicAddressThatWasCheckedNotToTheLoopbackOneAnsweredLater() throws Exception {
    try (LoopbackListener local = new LoopbackListener()) {
      ScriptedResolver.script(PUBLIC, "127.0.0.1");
      VettedServer vetted = new MailHostPolicy(false, ANY_HIGH_PORT).vet(HOST, local.port());

      assertThatThrownBy(
              () -> ImapSessions.connect(vetted, imap(local.port()), "u", "p", TIMEOUTS).close())
          .satisfies(
              e ->
                  assertThat(ConnectionFailure.of(e, "IMAP", imap(local.port())).kind())
                      .isEqualTo(ConnectionFailure.Kind.COULD_NOT_CONNECT));
      assertThat(local.accepted()).isZero();
    }
  }

  @Test
  void imapLogsInAtTheCheckedAddressWhateverTheNameAnswersLater() throws Exception {
    MailAccount account = greenMail.createAccount("pinned-imap@example.test", "secret-imap");
    ScriptedResolver.script("127.0.0.1", PUBLIC);
    VettedServer vetted = new MailHostPolicy(true, ANY_HIGH_PORT).vet(HOST, greenMail.imapPort());

    try (IMAPStore store =
        ImapSessions.connect(
            vetted, imap(greenMail.imapPort()), account.login(), account.password(), TIMEOUTS)) {
      assertThat(store.isConnected()).isTrue();
    }
  }

  @Test
  void smtpGoesToThePublicAddressThatWasCheckedNotToTheLoopbackOneAnsweredLater() throws Exception {
    try (LoopbackListener local = new LoopbackListener()) {
      ScriptedResolver.script(PUBLIC, "127.0.0.1");
      VettedServer vetted = new MailHostPolicy(false, ANY_HIGH_PORT).vet(HOST, local.port());
      MailClient client = smtpClient(vetted, smtp(local.port()), null);

      Throwable failure = sendAndWaitForFailure(client);

      assertThat(ConnectionFailure.of(failure, "SMTP", smtp(local.port())).kind())
          .isEqualTo(ConnectionFailure.Kind.COULD_NOT_CONNECT);
      assertThat(local.accepted()).isZero();
      client.close();
    }
  }

  @Test
  void smtpDeliversThroughTheCheckedAddressWhateverTheNameAnswersLater() throws Exception {
    MailAccount account = greenMail.createAccount("pinned-smtp@example.test", "secret-smtp");
    ScriptedResolver.script("127.0.0.1", PUBLIC);
    VettedServer vetted = new MailHostPolicy(true, ANY_HIGH_PORT).vet(HOST, greenMail.smtpPort());
    MailClient client = smtpClient(vetted, smtp(greenMail.smtpPort()), account);

    client
        .sendMail(
            new MailMessage()
                .setFrom(account.email())
                .setTo(account.email())
                .setSubject("pinned")
                .setText("delivered to the checked address"))
        .toCompletionStage()
        .toCompletableFuture()
        .get(20, TimeUnit.SECONDS);

    try (ImapClient inbox = ImapClient.connect(account)) {
      assertThat(inbox.read("INBOX"))
          .extracting(ImapClient.FetchedMail::subject)
          .containsExactly("pinned");
    }
    client.close();
  }

  private static MailServer imap(int port) {
    return new MailServer(HOST, port, MailServer.Security.NONE, false);
  }

  private static MailServer smtp(int port) {
    return new MailServer(HOST, port, MailServer.Security.NONE, false);
  }

  private static MailClient smtpClient(VettedServer vetted, MailServer server, MailAccount login) {
    return SmtpClients.create(
        vertx,
        vetted,
        SmtpClients.config(
            vetted, server, login != null, Duration.ofSeconds(2), Duration.ofSeconds(10)),
        () ->
            Future.succeededFuture(
                login == null
                    ? new UsernamePasswordCredentials("", "")
                    : new UsernamePasswordCredentials(login.login(), login.password())));
  }

  private static Throwable sendAndWaitForFailure(MailClient client) throws InterruptedException {
    try {
      client
          .sendMail(new MailMessage().setFrom("a@example.test").setTo("b@example.test"))
          .toCompletionStage()
          .toCompletableFuture()
          .get(20, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      return e.getCause();
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("the send neither failed nor succeeded", e);
    }
    throw new AssertionError("the send succeeded, so it reached a server");
  }

  /** A loopback port that counts who connects to it. */
  private static final class LoopbackListener implements AutoCloseable {

    private final ServerSocket socket;
    private final AtomicInteger accepted = new AtomicInteger();

    LoopbackListener() throws IOException {
      socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      Thread.ofVirtual()
          .start(
              () -> {
                while (!socket.isClosed()) {
                  try (Socket ignored = socket.accept()) {
                    accepted.incrementAndGet();
                  } catch (IOException e) {
                    return;
                  }
                }
              });
    }

    int port() {
      return socket.getLocalPort();
    }

    int accepted() {
      return accepted.get();
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
