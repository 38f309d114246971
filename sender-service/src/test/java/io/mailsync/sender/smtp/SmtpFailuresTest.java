package io.mailsync.sender.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.contracts.mailbox.MailServer;
import io.mailsync.sender.SendFailure;
import io.vertx.ext.mail.SMTPException;
import java.net.ConnectException;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class SmtpFailuresTest {

  @Test
  void rejectedLoginNamesTheServerAndIsPermanent() {
    SendFailure failure =
        SmtpFailures.describe(
            new SMTPException(
                "AUTH PLAIN failed", 535, List.of("535 5.7.8 Authentication failed"), false),
            server(587),
            "s3cret");

    assertThat(failure.reason()).isEqualTo("SMTP login refused by smtp.example.com:587");
    assertThat(failure.permanent()).isTrue();
  }

  @Test
  void refusedRecipientQuotesTheServer() {
    SendFailure failure =
        SmtpFailures.describe(
            new SMTPException(
                "recipient address not accepted",
                550,
                List.of("550 5.1.1 <nobody@example.com>: user unknown"),
                false),
            server(25),
            "s3cret");

    assertThat(failure.reason())
        .isEqualTo("recipient refused: 550 5.1.1 <nobody@example.com>: user unknown");
    assertThat(failure.permanent()).isTrue();
  }

  @Test
  void temporaryRefusalIsNotPermanent() {
    SendFailure failure =
        SmtpFailures.describe(
            new SMTPException(
                "sending data failed", 451, List.of("451 4.3.0 try again later"), false),
            server(25),
            null);

    assertThat(failure.reason())
        .isEqualTo(
            "SMTP server smtp.example.com:25 refused the message: 451 4.3.0 try again later");
    assertThat(failure.permanent()).isFalse();
  }

  @Test
  void theServersGreetingIsNeverQuoted() {
    SendFailure greeting =
        SmtpFailures.describe(
            new SMTPException(
                "got error response",
                554,
                List.of("554 internal-relay-7.corp.example ESMTP Postfix 3.4 no service"),
                true),
            server(25),
            null);
    SendFailure helo =
        SmtpFailures.describe(
            new SMTPException("HELO failed.", 501, List.of("501 10.1.2.3 says go away"), true),
            server(25),
            null);

    assertThat(greeting.reason()).isEqualTo("SMTP session with smtp.example.com:25 failed");
    assertThat(helo.reason())
        .isEqualTo("SMTP session with smtp.example.com:25 failed")
        .doesNotContain("10.1.2.3");
  }

  @Test
  void unreachableServerIsTransient() {
    SendFailure failure =
        SmtpFailures.describe(new ConnectException("Connection refused"), server(465), null);

    assertThat(failure.reason()).isEqualTo("could not connect to SMTP server smtp.example.com:465");
    assertThat(failure.permanent()).isFalse();
  }

  @Test
  void tlsFailureIsExplained() {
    SendFailure failure =
        SmtpFailures.describe(
            new RuntimeException("wrapped", new SSLHandshakeException("PKIX path building failed")),
            server(465),
            null);

    assertThat(failure.reason())
        .startsWith("TLS failed with SMTP server smtp.example.com:465")
        .doesNotContain("PKIX");
  }

  @Test
  void passwordEchoedByAServerNeverReachesTheReason() {
    SendFailure failure =
        SmtpFailures.describe(
            new SMTPException(
                "sending data failed", 554, List.of("554 bad password s3cret for jane"), true),
            server(587),
            "s3cret");

    assertThat(failure.reason()).doesNotContain("s3cret").contains("***");
    SendFailure login =
        SmtpFailures.describe(
            new SMTPException(
                "AUTH LOGIN failed", 535, List.of("535 bad password s3cret for jane"), false),
            server(587),
            "s3cret");
    assertThat(login.reason()).isEqualTo("SMTP login refused by smtp.example.com:587");
  }

  private static MailServer server(int port) {
    return new MailServer("smtp.example.com", port, MailServer.Security.STARTTLS, false);
  }
}
