package io.mailsync.mail.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailsync.mail.session.ScriptedResolver;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MailHostPolicyTest {

  private static final List<String> MAIL_PORTS = List.of("143", "993", "25", "465", "587", "2525");

  private final MailHostPolicy strict = new MailHostPolicy(false, MAIL_PORTS);
  private final MailHostPolicy local = new MailHostPolicy(true, MAIL_PORTS);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "imap.example.com",
        "IMAP.Example.COM.",
        "mail-1.example.co.uk",
        "93.184.216.34",
        "[2001:db8::1]",
        "2001:db8::1",
        "2606:2800:21f:cb07:6820:80da:af6b:8b2c",
        "bücher.example"
      })
  void acceptsHostNamesAndAddresses(String host) {
    assertThat(MailHostPolicy.shapeProblem(host)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "imap example.com",
        " imap.example.com",
        "imaps://imap.example.com",
        "smtp://mail.example.com",
        "imap.example.com/inbox",
        "user@imap.example.com",
        "imap.example.com:993",
        "imap..example.com",
        "-imap.example.com",
        "imap_1.example.com",
        "999.1.1.1",
        "300.1.1.1",
        "1.2.3",
        "imap.example.com\n",
        "evil.example.com\r\nRCPT TO:<x@y>",
        "[imap.example.com]",
        "[::1",
        "::1]",
        "2606:zz::1",
        "imap.example.com?x"
      })
  void rejectsWhatIsNotABareHost(String host) {
    assertThat(MailHostPolicy.shapeProblem(host)).isPresent();
    assertThatThrownBy(() -> local.vet(host, 993)).isInstanceOf(HostRefusedException.class);
  }

  @Test
  void namesTheProblem() {
    assertThat(MailHostPolicy.shapeProblem(null)).hasValue("is required");
    assertThat(MailHostPolicy.shapeProblem("")).hasValue("is required");
    assertThat(MailHostPolicy.shapeProblem("imaps://x.test")).get().asString().contains("scheme");
    assertThat(MailHostPolicy.shapeProblem("x.test:993")).get().asString().contains("port");
    assertThat(MailHostPolicy.shapeProblem("a b")).get().asString().contains("spaces");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "127.0.0.1",
        "127.8.9.10",
        "10.1.2.3",
        "172.16.0.1",
        "192.168.1.1",
        "169.254.169.254",
        "100.64.0.1",
        "0.0.0.0",
        "192.0.0.8",
        "198.18.0.1",
        "224.0.0.1",
        "240.0.0.1",
        "255.255.255.255",
        "::1",
        "::",
        "fd12:3456::1",
        "fe80::1",
        "fec0::1",
        "ff02::1",
        "::ffff:10.0.0.1",
        "::ffff:127.0.0.1",
        "::7f00:1",
        // NAT64 and 6to4 embedding an internal IPv4 address; local-use NAT64 and Teredo always
        "64:ff9b::a00:1",
        "64:ff9b::7f00:1",
        "64:ff9b:1::1",
        "2002:7f00:1::1",
        "2002:c0a8:101::1",
        "2001:0:4136:e378:8000:63bf:3fff:fdd2",
        "100::1"
      })
  void refusesInternalAddressesUnlessAllowed(String address) throws Exception {
    assertThatThrownBy(() -> strict.vet(address, 993))
        .isInstanceOf(HostRefusedException.class)
        .hasMessageContaining("internal address")
        .hasMessageContaining("not allowed");
    assertThat(strict.hostProblem(address)).get().asString().contains("not allowed");
    assertThat(local.vet(address, 993).port()).isEqualTo(993);
  }

  @Test
  void refusesLoopbackNamesBeforeAndAfterResolving() throws Exception {
    assertThatThrownBy(() -> strict.vet("localhost", 143))
        .isInstanceOf(HostRefusedException.class)
        .hasMessageContaining("loopback");
    assertThatThrownBy(() -> strict.vet("imap.localhost", 143))
        .isInstanceOf(HostRefusedException.class);
    ScriptedResolver.script("127.0.0.1");
    assertThatThrownBy(() -> strict.vet("loopback" + ScriptedResolver.DOMAIN, 143))
        .isInstanceOf(HostRefusedException.class);
    assertThat(local.vet("localhost", 143).address().isLoopbackAddress()).isTrue();
  }

  @Test
  void allowsPublicAddressesAndConnectsToTheCheckedOne() throws Exception {
    VettedServer vetted = strict.vet("93.184.216.34", 993);
    assertThat(vetted.address().getHostAddress()).isEqualTo("93.184.216.34");
    assertThat(vetted.socketAddress().getHostString()).isEqualTo("93.184.216.34");
    assertThat(strict.vet("[2001:4860:4860::8888]", 587).host()).isEqualTo("2001:4860:4860::8888");
    assertThat(InternalAddresses.contains(InetAddress.getByName("8.8.8.8"))).isFalse();
    assertThat(InternalAddresses.contains(InetAddress.getByName("2001:db8::1"))).isFalse();
    // NAT64 (DNS64 clusters) and 6to4 addresses of a public IPv4 server are public
    assertThat(strict.vet("64:ff9b::808:808", 25).port()).isEqualTo(25);
    assertThat(strict.vet("2002:808:808::1", 25).port()).isEqualTo(25);
  }

  @ParameterizedTest
  @ValueSource(ints = {22, 80, 443, 5432, 6379, 8080, 9092})
  void refusesPortsOutsideTheAllowList(int port) {
    assertThat(strict.portProblem(port)).get().asString().contains("not a mail server port");
    assertThatThrownBy(() -> local.vet("127.0.0.1", port))
        .isInstanceOf(HostRefusedException.class)
        .hasMessageContaining("port " + port);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, 65536})
  void refusesPortsOutOfRange(int port) {
    assertThat(new MailHostPolicy(false, List.of("1-65535")).portProblem(port))
        .get()
        .asString()
        .contains("between 1 and 65535");
  }

  @Test
  void acceptsConfiguredPortsAndRanges() {
    MailHostPolicy withTestPorts = new MailHostPolicy(true, List.of("993", "3000-3999"));
    assertThat(withTestPorts.portProblem(993)).isEmpty();
    assertThat(withTestPorts.portProblem(3143)).isEmpty();
    assertThat(withTestPorts.portProblem(4000)).isPresent();
    assertThat(strict.portProblem(587)).isEmpty();
    assertThatThrownBy(() -> new MailHostPolicy(false, List.of("imap")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new MailHostPolicy(false, List.of("900-100")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void answersAnInternalNameInTheWordsOfAnUnknownOne() throws Exception {
    String internal = "intranet" + ScriptedResolver.DOMAIN;
    ScriptedResolver.script("10.0.0.5");
    assertThatThrownBy(() -> strict.vet(internal, 993))
        .isInstanceOf(HostRefusedException.class)
        .hasMessage(MailHostPolicy.notFound(internal))
        .hasMessageNotContaining("10.0.0.5");
    ScriptedResolver.script("10.0.0.5");
    assertThat(strict.hostProblem(internal)).hasValue(MailHostPolicy.notFound(internal));
    ScriptedResolver.script(); // no answer: unknown
    assertThat(strict.hostProblem(internal)).hasValue(MailHostPolicy.notFound(internal));
  }
}
