package io.mailsync.timeline.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

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
}
