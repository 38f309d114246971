package io.mailsync.fetcher.imap;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.contracts.mailbox.MailServer;
import io.mailsync.mail.host.HostRefusedException;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class SyncFailuresTest {

  private static final MailServer SERVER =
      new MailServer("imap.example.com", 993, MailServer.Security.SSL, false);

  @Test
  void givesReadableReasons() {
    assertThat(describe(new AuthenticationFailedException("[AUTHENTICATIONFAILED] nope")))
        .isEqualTo("IMAP login refused by imap.example.com:993");
    assertThat(describe(new MessagingException("x", new UnknownHostException("imap.example.com"))))
        .isEqualTo(
            "IMAP server imap.example.com:993 was not found, or is not a public mail server");
    assertThat(describe(new MessagingException("x", new ConnectException("Connection refused"))))
        .isEqualTo("could not connect to IMAP server imap.example.com:993");
    assertThat(describe(new MessagingException("x", new SocketTimeoutException("Read timed out"))))
        .isEqualTo("IMAP server imap.example.com:993 timed out");
    assertThat(describe(new MessagingException("x", new SSLHandshakeException("PKIX path"))))
        .startsWith("TLS failed with IMAP server imap.example.com:993");
    assertThat(describe(new HostRefusedException("host x is an internal address")))
        .isEqualTo("IMAP server setting refused: host x is an internal address");
  }

  @Test
  void neverRepeatsWhatTheServerSaidNorThePassword() {
    String reason =
        SyncFailures.describe(
            new MessagingException("server said: bad login for pw-Secret-1"),
            SERVER,
            "pw-Secret-1");

    assertThat(reason)
        .isEqualTo("IMAP session with imap.example.com:993 failed")
        .doesNotContain("pw-Secret-1")
        .doesNotContain("server said");
  }

  private static String describe(Exception failure) {
    return SyncFailures.describe(failure, SERVER, "password");
  }
}
