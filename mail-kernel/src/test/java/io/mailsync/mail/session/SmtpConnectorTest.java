package io.mailsync.mail.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailsync.contracts.mailbox.MailServer;
import io.mailsync.mail.host.HostRefusedException;
import io.mailsync.mail.host.MailHostPolicy;
import io.vertx.core.Vertx;
import io.vertx.ext.mail.MailClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SmtpConnectorTest {

  private static final MailServer LOOPBACK =
      new MailServer("127.0.0.1", 2525, MailServer.Security.NONE, false);

  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void closeVertx() {
    vertx.close();
  }

  @Test
  void vetsTheHostBeforeConnecting() {
    SmtpConnector connector = connector(false, 10);

    assertThatThrownBy(() -> connector.connect(account("m1", LOOPBACK, "v1")))
        .isInstanceOf(HostRefusedException.class)
        .hasMessageContaining("internal address");
  }

  @Test
  void refusesAPortOffTheAllowList() {
    MailServer server = new MailServer("smtp.example.com", 2222, MailServer.Security.NONE, false);

    assertThatThrownBy(() -> connector(false, 10).connect(account("m1", server, "v1")))
        .isInstanceOf(HostRefusedException.class)
        .hasMessageStartingWith("port 2222");
  }

  @Test
  void keepsAMailboxsClientWhileItsSettingsStayTheSame() throws Exception {
    SmtpConnector connector = connector(true, 10);
    MailClient first = connector.connect(account("m1", LOOPBACK, "v1"));

    assertThat(connector.connect(account("m1", LOOPBACK, "v1"))).isSameAs(first);
    assertThat(connector.connect(account("m1", LOOPBACK, "v2"))).isNotSameAs(first);
  }

  @Test
  void dropsTheLeastRecentlyUsedClientBeyondTheLimit() throws Exception {
    SmtpConnector connector = connector(true, 2);
    MailClient first = connector.connect(account("m1", LOOPBACK, "v1"));
    MailClient second = connector.connect(account("m2", LOOPBACK, "v1"));
    connector.connect(account("m1", LOOPBACK, "v1"));
    connector.connect(account("m3", LOOPBACK, "v1"));

    assertThat(connector.connect(account("m1", LOOPBACK, "v1"))).isSameAs(first);
    assertThat(connector.connect(account("m2", LOOPBACK, "v1"))).isNotSameAs(second);
  }

  private SmtpConnector connector(boolean allowPrivateHosts, int cachedClients) {
    SmtpConfig config =
        new SmtpConfig() {
          @Override
          public Duration connectTimeout() {
            return Duration.ofSeconds(1);
          }

          @Override
          public Duration idleTimeout() {
            return Duration.ofSeconds(1);
          }

          @Override
          public int cachedClients() {
            return cachedClients;
          }
        };
    return new SmtpConnector(
        vertx, new MailHostPolicy(allowPrivateHosts, List.of("2525", "587")), config);
  }

  private static SmtpAccount account(String mailboxKey, MailServer server, String fingerprint) {
    return new SmtpAccount(mailboxKey, server, "user", () -> "secret", fingerprint);
  }
}
