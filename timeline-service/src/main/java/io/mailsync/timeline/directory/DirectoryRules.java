package io.mailsync.timeline.directory;

import io.mailsync.contracts.Timestamps;
import io.mailsync.mail.address.EmailAddressSyntax;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The form the directory keeps its records in: each new record of a tenant, normalised before it is
 * stored. Domains and addresses go through the shared syntax ({@link EmailAddressSyntax}), the one
 * the linker matches mail with, so a record is stored the way mail will be compared with it. What
 * may not be stored at all was refused with the request, by the constraints of the resources'
 * request records ({@code @MailAddress}, {@code @MailDomain}, {@link NotFreeMailDomain}).
 */
final class DirectoryRules {

  /** A company with its name stripped and its email domains normalised, each once, in order. */
  static Company newCompany(String tenantId, String name, List<String> emailDomains) {
    Company company = new Company();
    company.id = UUID.randomUUID();
    company.tenantId = tenantId;
    company.name = name.strip();
    company.emailDomains = companyDomains(emailDomains).toArray(String[]::new);
    company.createdAt = Timestamps.now();
    return company;
  }

  /**
   * A contact, at a company when {@code companyId} is given (whether it is the tenant's is not
   * decided here).
   */
  static Contact newContact(String tenantId, String email, String name, UUID companyId) {
    Contact contact = new Contact();
    contact.id = UUID.randomUUID();
    contact.tenantId = tenantId;
    contact.email = address(email);
    contact.name = personName(name);
    contact.companyId = companyId;
    contact.createdAt = Timestamps.now();
    return contact;
  }

  static AppUser newUser(String tenantId, String email, String name) {
    AppUser user = new AppUser();
    user.id = UUID.randomUUID();
    user.tenantId = tenantId;
    user.email = address(email);
    user.name = personName(name);
    user.createdAt = Timestamps.now();
    return user;
  }

  /** Domains lower-cased in their ASCII (punycode) form, each once, in the order given. */
  private static List<String> companyDomains(List<String> requested) {
    Set<String> domains = new LinkedHashSet<>();
    for (String domain : requested) {
      domains.add(
          EmailAddressSyntax.normalizeDomain(domain)
              .orElseThrow(() -> new IllegalArgumentException("not a domain name: " + domain)));
    }
    return List.copyOf(domains);
  }

  /** A contact's or user's address, lower-cased with an ASCII domain. */
  private static String address(String email) {
    return EmailAddressSyntax.normalize(email)
        .orElseThrow(() -> new IllegalArgumentException("not an email address: " + email));
  }

  /** Without surrounding white space; absent stays absent. */
  private static String personName(String name) {
    return name == null ? null : name.strip();
  }

  private DirectoryRules() {}
}
