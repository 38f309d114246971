package io.mailsync.linker.directory;

import java.util.List;
import java.util.Optional;

/**
 * Lookups into the directory. Every lookup names the tenant, so a match can never come from another
 * tenant's rows. Addresses and domains are given lower-case.
 */
public interface Directory {

  /** Contacts with this address; normally at most one (the address is unique per tenant). */
  List<Contact> contactsByEmail(String tenantId, String email);

  /** Companies that list this domain among their email domains. */
  List<Company> companiesByDomain(String tenantId, String domain);

  Optional<Company> company(String tenantId, String companyId);

  /** Whether the address is the login email of one of the tenant's users. */
  boolean isUser(String tenantId, String email);
}
