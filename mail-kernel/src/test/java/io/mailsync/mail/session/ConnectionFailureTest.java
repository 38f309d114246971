package io.mailsync.mail.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailsync.contracts.mailbox.MailServer;
import io.mailsync.mail.host.HostRefusedException;
import io.mailsync.mail.session.ConnectionFailure.Kind;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLHandshakeException;
import org.eclipse.angus.mail.util.SocketConnectException;
import org.junit.jupiter.api.Test;

class ConnectionFailureTest {

  private static final MailServer SERVER =
      new MailServer("imap.example.com", 993, MailServer.Security.SSL, false);
  private static final String NAME = "imap.example.com:993";

  @Test
  void closedFilteredAndUnreachablePortsReadTheSame() {
    String refused = text(new MessagingException("x", new ConnectException("Connection refused")));
    String filtered =
        text(
            new MessagingException(
                "x",
                new SocketConnectException(
                    "x", new SocketTimeoutException("Connect timed out"), "h", 993, 10)));
    String unreachable = text(new MessagingException("x", new NoRouteToHostException("no route")));
    String nettyUnreachable = text(new java.net.SocketException("Network is unreachable"));

    assertThat(refused).isEqualTo("could not connect to IMAP server " + NAME);
    assertThat(filtered).isEqualTo(refused);
    assertThat(unreachable).isEqualTo(refused);
    assertThat(nettyUnreachable).isEqualTo(refused);
  }

  @Test
  void neverRepeatsWhatTheServerSaid() {
    MessagingException banner =
        new MessagingException("* OK [CAPABILITY IMAP4rev1] internal-mail-7.corp ready 10.1.2.3");
    ConnectionFailure failure = ConnectionFailure.of(banner, "IMAP", SERVER);
    assertThat(failure.kind()).isEqualTo(Kind.FAILED);
    assertThat(failure.text())
        .isEqualTo("IMAP session with " + NAME + " failed")
        .doesNotContain("corp")
        .doesNotContain("10.1.2.3");
    assertThat(text(new AuthenticationFailedException("NO [AUTHENTICATIONFAILED] hunter2 bad")))
        .isEqualTo("IMAP login refused by " + NAME);
    assertThat(
            text(new MessagingException("x", new SSLHandshakeException("PKIX path for 10.0.0.9"))))
        .startsWith("TLS failed with IMAP server " + NAME)
        .doesNotContain("10.0.0.9");
  }

  @Test
  void tellsTimeoutsUnknownHostsAndRefusedSettingsApart() {
    assertThat(ConnectionFailure.of(new SocketTimeoutException("Read timed out"), "SMTP", SERVER))
        .isEqualTo(new ConnectionFailure(Kind.TIMED_OUT, "SMTP server " + NAME + " timed out"));
    assertThat(ConnectionFailure.of(new UnknownHostException("x"), "IMAP", SERVER).text())
        .isEqualTo("IMAP server " + NAME + " was not found, or is not a public mail server");
    ConnectionFailure refused =
        ConnectionFailure.of(new HostRefusedException("port 22 is not allowed"), "IMAP", SERVER);
    assertThat(refused)
        .isEqualTo(
            new ConnectionFailure(
                Kind.REFUSED_SETTING, "IMAP server setting refused: port 22 is not allowed"));
    assertThat(refused.kind().isTransient()).isFalse();
    assertThat(Kind.COULD_NOT_CONNECT.isTransient()).isTrue();
  }

  /** RFC 5530: a refused login is final, the server's own trouble is worth another try. */
  @Test
  void aLoginTheServerCouldNotCheckIsNotARefusedLogin() {
    ConnectionFailure refused =
        ConnectionFailure.of(
            new AuthenticationFailedException("[AUTHENTICATIONFAILED] Authentication failed."),
            "IMAP",
            SERVER);
    assertThat(refused.kind()).isEqualTo(Kind.LOGIN_REFUSED);
    assertThat(refused.kind().isTransient()).isFalse();
    ConnectionFailure unavailable =
        ConnectionFailure.of(
            new AuthenticationFailedException("[UNAVAILABLE] Temporary authentication failure."),
            "IMAP",
            SERVER);
    assertThat(unavailable.kind()).isEqualTo(Kind.FAILED);
    assertThat(unavailable.kind().isTransient()).isTrue();
    assertThat(unavailable.text()).isEqualTo("IMAP session with " + NAME + " failed");
  }

  @Test
  void aKindToldApartByTheCallerReadsAsTheClassifiedOne() {
    for (Kind kind : Kind.values()) {
      if (kind != Kind.REFUSED_SETTING) {
        assertThat(ConnectionFailure.of(kind, "SMTP", SERVER))
            .isEqualTo(ConnectionFailure.of(failureOf(kind), "SMTP", SERVER));
      }
    }
    assertThatThrownBy(() -> ConnectionFailure.of(Kind.REFUSED_SETTING, "SMTP", SERVER))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void textWithoutMasksThePasswordTheRefusalQuoted() {
    ConnectionFailure refused =
        ConnectionFailure.of(
            new HostRefusedException("host pw-Secret-1.example is an internal address"),
            "IMAP",
            SERVER);

    assertThat(refused.textWithout("pw-Secret-1"))
        .isEqualTo("IMAP server setting refused: host ***.example is an internal address");
    assertThat(ConnectionFailure.of(Kind.LOGIN_REFUSED, "IMAP", SERVER).textWithout(null))
        .isEqualTo("IMAP login refused by " + NAME);
  }

  private static Throwable failureOf(Kind kind) {
    return switch (kind) {
      case UNKNOWN_HOST -> new UnknownHostException("x");
      case COULD_NOT_CONNECT -> new ConnectException("Connection refused");
      case TIMED_OUT -> new SocketTimeoutException("Read timed out");
      case TLS_FAILED -> new SSLHandshakeException("x");
      case LOGIN_REFUSED -> new AuthenticationFailedException("x");
      case FAILED -> new MessagingException("x");
      case REFUSED_SETTING -> new HostRefusedException("x");
    };
  }

  private static String text(Throwable failure) {
    return ConnectionFailure.of(failure, "IMAP", SERVER).text();
  }
}
