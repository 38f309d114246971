package io.mailsync.mail.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
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

  @Test
  void domainsAreComparedInTheOneNormalisedForm() {
    FreeMailDomains extended = FreeMailDomains.withAdditional(List.of("Bücher-Mail.example"));

    assertThat(freeMail.contains(" GMail.COM. ")).isTrue();
    assertThat(extended.contains("xn--bcher-mail-9db.example")).isTrue();
    assertThat(extended.contains("BÜCHER-mail.example")).isTrue();
    assertThat(freeMail.contains("not a domain")).isFalse();
  }

  @Test
  void anAdditionalDomainThatIsNotOneIsASettingsError() {
    assertThatThrownBy(() -> FreeMailDomains.withAdditional(List.of("acme.test", "not a domain")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(FreeMailConfig.ADDITIONAL_DOMAINS)
        .hasMessageContaining("not a domain");
  }
}
