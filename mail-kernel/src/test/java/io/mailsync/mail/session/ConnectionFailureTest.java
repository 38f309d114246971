package io.mailsync.mail.session;

import static org.assertj.core.api.Assertions.assertThat;

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

  private static final String SERVER = "imap.example.com:993";

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

    assertThat(refused).isEqualTo("could not connect to IMAP server " + SERVER);
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
        .isEqualTo("IMAP session with " + SERVER + " failed")
        .doesNotContain("corp")
        .doesNotContain("10.1.2.3");
    assertThat(text(new AuthenticationFailedException("NO [AUTHENTICATIONFAILED] hunter2 bad")))
        .isEqualTo("IMAP login refused by " + SERVER);
    assertThat(
            text(new MessagingException("x", new SSLHandshakeException("PKIX path for 10.0.0.9"))))
        .startsWith("TLS failed with IMAP server " + SERVER)
        .doesNotContain("10.0.0.9");
  }

  @Test
  void tellsTimeoutsUnknownHostsAndRefusedSettingsApart() {
    assertThat(ConnectionFailure.of(new SocketTimeoutException("Read timed out"), "SMTP", SERVER))
        .isEqualTo(new ConnectionFailure(Kind.TIMED_OUT, "SMTP server " + SERVER + " timed out"));
    assertThat(ConnectionFailure.of(new UnknownHostException("x"), "IMAP", SERVER).kind())
        .isEqualTo(Kind.UNKNOWN_HOST);
    ConnectionFailure refused =
        ConnectionFailure.of(new HostRefusedException("port 22 is not allowed"), "IMAP", SERVER);
    assertThat(refused.kind()).isEqualTo(Kind.REFUSED_SETTING);
    assertThat(refused.kind().isTransient()).isFalse();
    assertThat(Kind.COULD_NOT_CONNECT.isTransient()).isTrue();
  }

  private static String text(Throwable failure) {
    return ConnectionFailure.of(failure, "IMAP", SERVER).text();
  }
}
