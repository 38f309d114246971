package io.mailsync.contracts.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FreeMailDomainsTest {

  private final FreeMailDomains freeMail = FreeMailDomains.standard();

  @ParameterizedTest
  @ValueSource(
      strings = {"yahoo.de", "yahoo.com.br", "hotmail.co.uk", "gmx.at", "yandex.com", "live.co.uk"})
  void countryVariantsOfFreeMailProvidersAreFreeMail(String domain) {
    assertThat(freeMail.contains(domain)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"acme.com", "yahoo-partners.com", "mail.acme.com", "gmail.acme.com", "webde.com"})
  void companyDomainsAreNotFreeMail(String domain) {
    assertThat(freeMail.contains(domain)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"regional-mail.example", "other.example"})
  void additionalDomainsAreFreeMail(String domain) {
    FreeMailDomains extended =
        FreeMailDomains.withAdditional(Set.of("Regional-Mail.example", "@other.example", " "));

    assertThat(extended.contains(domain)).isTrue();
    assertThat(freeMail.contains(domain)).isFalse();
  }
}
