package io.mailsync.timeline.directory;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.mail.address.EmailAddressSyntax;
import io.mailsync.mail.address.FreeMailDomains;
import io.mailsync.testkit.validation.Constraints;
import io.mailsync.timeline.directory.CompanyResource.CompanyRequest;
import io.mailsync.timeline.directory.ContactResource.ContactRequest;
import io.mailsync.timeline.directory.UserResource.UserRequest;
import jakarta.validation.Validator;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The constraints of directory requests, checked by a plain Bean Validation validator. */
class DirectoryRequestValidationTest {

  private final Validator validator =
      validator(FreeMailDomains.withAdditional(List.of("regional-mail.example")));

  @ParameterizedTest
  @ValueSource(strings = {"gmail.com", "GMail.com", "outlook.com", "regional-mail.example"})
  void aFreeMailDomainCannotIdentifyACompany(String domain) {
    assertThat(problems(company("acme.test", "acme.eu", domain)))
        .containsExactly(
            "emailDomains[2] is a free-mail domain ("
                + domain.toLowerCase()
                + ") and cannot identify a company");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"not a domain", "acme", "acme.123", "-acme.test", "acme..test", "{x}.test"})
  void aDomainNameTheSharedSyntaxRefusesIsRefusedNamingItsPlace(String domain) {
    assertThat(problems(company("acme.test", domain)))
        .containsExactly("emailDomains[1] is not a domain name: " + domain);
  }

  @Test
  void anAbsentOrBlankDomainIsRefusedNotSkipped() {
    assertThat(problems(new CompanyRequest("Customer Inc", Arrays.asList(null, " "))))
        .containsExactly("emailDomains[0] is required", "emailDomains[1] is required");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "not-an-address",
        "bob@",
        "@customer.test",
        "bob@customer",
        "Bob <bob@customer.test>",
        "(bob)@customer.test",
        "bob[1]@customer.test",
        "bob:x@customer.test",
        "bob\\x@customer.test",
        "bob@customer..test"
      })
  void anAddressTheSharedSyntaxRefusesIsRefusedForContactsAndUsersNamingTheEmailField(
      String email) {
    String expected = "email " + EmailAddressSyntax.problem(email).orElseThrow();

    assertThat(problems(new ContactRequest(email, "Bob", null))).containsExactly(expected);
    assertThat(problems(new UserRequest(email, "Bob"))).containsExactly(expected);
  }

  @Test
  void aBlankAddressIsToldItIsBlankOnly() {
    assertThat(problems(new ContactRequest(" ", null, null))).containsExactly("email is required");
  }

  @Test
  void validRequestsPass() {
    assertThat(problems(new ContactRequest(" Bob.Buyer@Customer.TEST ", " Bob ", null))).isEmpty();
    assertThat(problems(new UserRequest("Anna@Bücher.example", null))).isEmpty();
  }

  @Test
  void companyDomainsPass() {
    assertThat(problems(company("acme.test", "Bücher.example"))).isEmpty();
  }

  static CompanyRequest company(String... domains) {
    return new CompanyRequest("Customer Inc", List.of(domains));
  }

  /** Each problem as the REST layer words it: the field's JSON path, then what is wrong. */
  List<String> problems(Object request) {
    return Constraints.problems(validator, request);
  }

  /** Bean Validation as Quarkus runs it, with the free-mail list given to its bean validator. */
  static Validator validator(FreeMailDomains freeMail) {
    return Constraints.validator(
        NotFreeMailDomain.Check.class, () -> new NotFreeMailDomain.Check(freeMail));
  }
}
