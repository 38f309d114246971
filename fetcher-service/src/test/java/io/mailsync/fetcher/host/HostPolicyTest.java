package io.mailsync.fetcher.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HostPolicyTest {

  private final HostPolicy strict = new HostPolicy(false);
  private final HostPolicy local = new HostPolicy(true);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "imap.example.com",
        "IMAP.Example.COM.",
        "mail-1.example.co.uk",
        "93.184.216.34",
        "[2001:db8::1]",
        "2001:db8::1",
        "bücher.example"
      })
  void acceptsHostNamesAndAddresses(String host) {
    assertThat(HostPolicy.shapeProblem(host)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "imap example.com",
        "imaps://imap.example.com",
        "imap.example.com/inbox",
        "user@imap.example.com",
        "imap.example.com:993",
        "imap..example.com",
        "-imap.example.com",
        "imap_1.example.com",
        "999.1.1.1",
        "1.2.3",
        "imap.example.com\n",
        "[imap.example.com]",
        "imap.example.com?x"
      })
  void rejectsWhatIsNotABareHost(String host) {
    assertThat(HostPolicy.shapeProblem(host)).isPresent();
  }

  @Test
  void namesTheProblem() {
    assertThat(HostPolicy.shapeProblem("")).hasValue("is required");
    assertThat(HostPolicy.shapeProblem("imaps://x.test")).get().asString().contains("scheme");
    assertThat(HostPolicy.shapeProblem("x.test:993")).get().asString().contains("port");
    assertThat(HostPolicy.shapeProblem("a b")).get().asString().contains("spaces");
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
        "224.0.0.1",
        "255.255.255.255",
        "::1",
        "fd12:3456::1",
        "fe80::1",
        "::ffff:10.0.0.1",
        "64:ff9b::a00:1",
        "::"
      })
  void refusesInternalAddressesUnlessAllowed(String address) throws Exception {
    assertThatThrownBy(() -> strict.resolve(address))
        .isInstanceOf(HostRefusedException.class)
        .hasMessageContaining("internal address");
    assertThat(strict.problem(address)).get().asString().contains("not allowed");
    assertThat(local.resolve(address)).isNotEmpty();
  }

  @Test
  void refusesLoopbackNamesBeforeAndAfterResolving() throws Exception {
    assertThatThrownBy(() -> strict.resolve("localhost"))
        .isInstanceOf(HostRefusedException.class)
        .hasMessageContaining("loopback");
    assertThatThrownBy(() -> strict.resolve("imap.localhost"))
        .isInstanceOf(HostRefusedException.class);
    assertThat(local.resolve("localhost")).allMatch(InetAddress::isLoopbackAddress);
  }

  @Test
  void allowsPublicAddresses() throws Exception {
    assertThat(strict.resolve("93.184.216.34")).hasSize(1);
    assertThat(strict.resolve("[2001:4860:4860::8888]")).hasSize(1);
    assertThat(HostPolicy.isInternal(InetAddress.getByName("8.8.8.8"))).isFalse();
  }
}
