package io.mailsync.mail.session;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailsync.contracts.mailbox.MailServer;
import io.mailsync.mail.host.HostRefusedException;
import io.mailsync.mail.host.MailHostPolicy;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImapConnectorTest {

  private static final ImapConfig CONFIG =
      new ImapConfig() {
        @Override
        public Duration connectTimeout() {
          return Duration.ofSeconds(1);
        }

        @Override
        public Duration readTimeout() {
          return Duration.ofSeconds(1);
        }
      };

  private final ImapConnector connector =
      new ImapConnector(new MailHostPolicy(false, List.of("993")), CONFIG);

  @Test
  void vetsTheHostBeforeConnecting() {
    MailServer internal = new MailServer("127.0.0.1", 993, MailServer.Security.SSL, false);

    assertThatThrownBy(() -> connector.connect(internal, "u", "p"))
        .isInstanceOf(HostRefusedException.class)
        .hasMessageContaining("internal address");
  }

  @Test
  void refusesAPortOffTheAllowList() {
    MailServer server = new MailServer("imap.example.com", 2222, MailServer.Security.NONE, false);

    assertThatThrownBy(() -> connector.connect(server, "u", "p"))
        .isInstanceOf(HostRefusedException.class)
        .hasMessageStartingWith("port 2222");
  }
}
