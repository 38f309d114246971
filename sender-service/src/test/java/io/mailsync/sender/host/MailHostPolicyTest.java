package io.mailsync.sender.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailsync.sender.SendFailure;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MailHostPolicyTest {

  private final MailHostPolicy strict = new MailHostPolicy(false);
  private final MailHostPolicy lenient = new MailHostPolicy(true);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "smtp.example.com",
        "mail-1.example.co.uk",
        "SMTP.Example.COM.",
        "93.184.215.14",
        "2606:2800:21f:cb07:6820:80da:af6b:8b2c",
        "[2606:2800:21f:cb07:6820:80da:af6b:8b2c]",
        "bücher.example"
      })
  void wellFormedHostsPass(String host) {
    assertThat(MailHostPolicy.syntaxProblem(host)).isNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "  ",
        "smtp://mail.example.com",
        "mail.example.com:25",
        "mail example.com",
        "mail.example.com/path",
        "mail_server.example.com",
        "-mail.example.com",
        "mail..example.com",
        "300.1.1.1",
        "2606:zz::1",
        "[::1",
        "evil.example.com\r\nRCPT TO:<x@y>"
      })
  void malformedHostsAreRefused(String host) {
    assertThat(MailHostPolicy.syntaxProblem(host)).isNotNull();
    assertThatThrownBy(() -> lenient.check("SMTP", host, 25))
        .isInstanceOf(SendFailure.class)
        .hasMessageStartingWith("SMTP server setting refused")
        .satisfies(e -> assertThat(((SendFailure) e).permanent()).isTrue());
  }

  @Test
  void nullHostIsRefused() {
    assertThat(MailHostPolicy.syntaxProblem(null)).isEqualTo("host is blank");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "127.0.0.1",
        "10.1.2.3",
        "172.16.0.1",
        "192.168.1.1",
        "169.254.169.254",
        "0.0.0.0",
        "100.64.0.1",
        "::1",
        "fd00::1",
        "fe80::1",
        "::ffff:127.0.0.1",
        "localhost"
      })
  void internalAddressesAreRefusedUnlessAllowed(String host) {
    assertThatThrownBy(() -> strict.check("IMAP", host, 993))
        .isInstanceOf(SendFailure.class)
        .hasMessageStartingWith("IMAP host " + host + " refused: it resolves to");
    assertThatCode(() -> lenient.check("IMAP", host, 993)).doesNotThrowAnyException();
  }

  @Test
  void publicAddressPasses() throws Exception {
    assertThat(MailHostPolicy.internalAddressProblem(InetAddress.getByName("93.184.215.14")))
        .isNull();
    assertThatCode(() -> strict.check("SMTP", "93.184.215.14", 587)).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, 65536})
  void portOutOfRangeIsRefused(int port) {
    assertThatThrownBy(() -> lenient.check("SMTP", "127.0.0.1", port))
        .isInstanceOf(SendFailure.class)
        .hasMessageContaining("port " + port);
  }
}
