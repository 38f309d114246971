package io.mailsync.mail.address;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressSyntaxTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ann@example.com",
        "Ann.Lee+crm@Example.COM",
        "o'brien@example.co.uk",
        "a!#$%&*/=?^_`{|}~-@example.org",
        "x@sub.mail-1.example.com",
        "jorg@bücher.example"
      })
  void acceptsAddresses(String address) {
    assertThat(EmailAddressSyntax.problem(address)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "ann",
        "ann@",
        "@example.com",
        "ann@@example.com",
        "ann@example",
        "ann@exa_mple.com",
        "ann lee@example.com",
        "ann.@example.com",
        ".ann@example.com",
        "an..n@example.com",
        "(comment)ann@example.com",
        "ann(x)@example.com",
        "\"ann\"@example.com",
        "ann@[127.0.0.1]",
        "a[b]@example.com",
        "a:b@example.com",
        "a\\b@example.com",
        "Ann <ann@example.com>",
        "ann@example.com, bob@example.com",
        "ann@example.com\r\nBcc: x@example.com",
        "ann@-example.com",
        "jörg@example.com"
      })
  void refusesWhatTheSenderCouldNotSendTo(String address) {
    assertThat(EmailAddressSyntax.problem(address)).isPresent();
    assertThat(EmailAddressSyntax.normalize(address)).isEmpty();
  }

  @Test
  void refusesOverlongParts() {
    assertThat(EmailAddressSyntax.problem("a".repeat(65) + "@example.com")).isPresent();
    assertThat(EmailAddressSyntax.problem("a@" + "b".repeat(64) + ".com")).isPresent();
    String domain247 = ("d".repeat(60) + ".").repeat(4) + "com";
    assertThat(EmailAddressSyntax.problem("a@" + domain247)).isEmpty();
    assertThat(EmailAddressSyntax.problem("a".repeat(10) + "@" + domain247)).isPresent();
    assertThat(EmailAddressSyntax.problem("a@" + "d".repeat(60) + "." + domain247)).isPresent();
  }

  @Test
  void normalizesToLowerCaseAndPunycode() {
    assertThat(EmailAddressSyntax.normalize(" Ann.Lee@Example.COM "))
        .hasValue("ann.lee@example.com");
    assertThat(EmailAddressSyntax.normalize("ann@Bücher.example"))
        .hasValue("ann@xn--bcher-kva.example");
    assertThat(EmailAddressSyntax.normalizeDomain("Example.COM.")).hasValue("example.com");
    assertThat(EmailAddressSyntax.normalizeDomain("xn--p1ai.xn--p1ai"))
        .hasValue("xn--p1ai.xn--p1ai");
    assertThat(EmailAddressSyntax.normalizeDomain("localhost")).isEmpty();
  }

  @Test
  void comparesAddressesInOneForm() {
    assertThat(EmailAddressSyntax.matchKey(" <Ann@Bücher.Example> "))
        .isEqualTo(EmailAddressSyntax.matchKey("ann@xn--bcher-kva.example"))
        .isEqualTo("ann@xn--bcher-kva.example");
    assertThat(EmailAddressSyntax.matchKey("\"Odd Name\"@Example.com"))
        .isEqualTo("\"odd name\"@example.com");
    assertThat(EmailAddressSyntax.matchKey("no-at-sign")).isEqualTo("no-at-sign");
  }

  @Test
  void comparesDomainsInOneForm() {
    assertThat(EmailAddressSyntax.domainMatchKey(" @Bücher.Example "))
        .isEqualTo(EmailAddressSyntax.domainMatchKey("xn--bcher-kva.example"))
        .isEqualTo("xn--bcher-kva.example");
    assertThat(EmailAddressSyntax.domainMatchKey("Not A Domain")).isEqualTo("not a domain");
  }

  @Test
  void findsTheDomainOfReceivedAddresses() {
    assertThat(EmailAddressSyntax.domainOf("\"odd name\"@Example.com")).hasValue("example.com");
    assertThat(EmailAddressSyntax.domainOf("nobody")).isEmpty();
    assertThat(EmailAddressSyntax.domainOf(null)).isEmpty();
  }

  @Test
  void namesTheProblem() {
    assertThat(EmailAddressSyntax.problem(null)).hasValue("is required");
    assertThat(EmailAddressSyntax.problem("ann(x)@example.com"))
        .get()
        .asString()
        .contains("before the @");
    assertThat(EmailAddressSyntax.problem("ann@exa_mple.com")).get().asString().contains("domain");
  }
}
