package io.mailsync.timeline.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.mailsync.rest.FieldProblem;
import io.mailsync.rest.InvalidRequestException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DirectoryRulesTest {

  private static final String TENANT = "tenant-1";

  @Test
  void aNewCompanyHasItsNameStrippedAndItsDomainsInAsciiLowerCaseEachOnceInTheOrderGiven() {
    Company company =
        DirectoryRules.newCompany(
            TENANT,
            "  Customer Inc \t",
            List.of(" Acme.TEST ", "acme.co.uk", "acme.test", "Bücher.example"));

    assertThat(company.tenantId).isEqualTo(TENANT);
    assertThat(company.name).isEqualTo("Customer Inc");
    assertThat(company.emailDomains)
        .containsExactly("acme.test", "acme.co.uk", "xn--bcher-kva.example");
    assertThat(company.id).isNotNull();
    assertThat(company.createdAt).isEqualTo(company.createdAt.truncatedTo(ChronoUnit.MICROS));
  }

  @Test
  void aCompanyMayHaveNoDomainsYetAndEachNewOneIsANewRecord() {
    Company first = DirectoryRules.newCompany(TENANT, "Customer Inc", List.of());
    Company second = DirectoryRules.newCompany(TENANT, "Customer Inc", List.of());

    assertThat(first.emailDomains).isEmpty();
    assertThat(first.id).isNotEqualTo(second.id);
  }

  @ParameterizedTest
  @ValueSource(strings = {"not a domain", "acme", "acme.123", "-acme.test", "acme..test", " "})
  void aDomainNameTheSharedSyntaxRefusesIsRefusedNamingItsPlace(String domain) {
    assertThat(refusal(() -> newCompanyWithDomains("acme.test", domain)))
        .isEqualTo(new FieldProblem("emailDomains[1]", "is not a domain name: " + domain));
  }

  @Test
  void anAbsentDomainIsRefusedNotSkipped() {
    assertThat(refusal(() -> newCompanyWithDomains((String) null)))
        .isEqualTo(new FieldProblem("emailDomains[0]", "is not a domain name: null"));
  }

  @Test
  void contactsAndUsersAreKeptUnderTheirAddressInLowerCaseWithAnAsciiDomain() {
    UUID companyId = UUID.randomUUID();
    Contact contact =
        DirectoryRules.newContact(TENANT, " Bob.Buyer@Customer.TEST ", " Bob Buyer ", companyId);
    AppUser user = DirectoryRules.newUser(TENANT, "Anna@Bücher.example", null);

    assertThat(contact.tenantId).isEqualTo(TENANT);
    assertThat(contact.email).isEqualTo("bob.buyer@customer.test");
    assertThat(contact.name).isEqualTo("Bob Buyer");
    assertThat(contact.companyId).isEqualTo(companyId);
    assertThat(contact.createdAt).isBeforeOrEqualTo(Instant.now());
    assertThat(user.tenantId).isEqualTo(TENANT);
    assertThat(user.email).isEqualTo("anna@xn--bcher-kva.example");
    assertThat(user.name).isNull();
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
        "bob@customer..test",
        " "
      })
  void anAddressTheSharedSyntaxRefusesIsRefusedForContactsAndUsersNamingTheEmailField(
      String email) {
    FieldProblem expected = new FieldProblem("email", "is not an email address: " + email);

    assertThat(refusal(() -> DirectoryRules.newContact(TENANT, email, "Bob", null)))
        .isEqualTo(expected);
    assertThat(refusal(() -> DirectoryRules.newUser(TENANT, email, "Bob"))).isEqualTo(expected);
  }

  private static Company newCompanyWithDomains(String... domains) {
    return DirectoryRules.newCompany(TENANT, "Customer Inc", Arrays.asList(domains));
  }

  /** The one problem a refused input is reported with. */
  private static FieldProblem refusal(ThrowingCallable rule) {
    InvalidRequestException refused = catchThrowableOfType(InvalidRequestException.class, rule);
    assertThat(refused).as("refused").isNotNull();
    assertThat(refused.problems()).hasSize(1);
    return refused.problems().getFirst();
  }
}
