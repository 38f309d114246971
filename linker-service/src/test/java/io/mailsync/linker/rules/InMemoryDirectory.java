package io.mailsync.linker.rules;

import io.mailsync.linker.directory.AppUser;
import io.mailsync.linker.directory.Company;
import io.mailsync.linker.directory.Contact;
import io.mailsync.linker.directory.Directory;
import io.mailsync.linker.directory.DirectoryEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A directory of several tenants held in a list, for testing the rules without Kafka. */
final class InMemoryDirectory implements Directory {

  private final List<DirectoryEntry> entries = new ArrayList<>();

  InMemoryDirectory add(DirectoryEntry... added) {
    entries.addAll(List.of(added));
    return this;
  }

  @Override
  public List<Contact> contactsByEmail(String tenantId, String email) {
    return entries.stream()
        .filter(
            e -> e instanceof Contact c && c.tenantId().equals(tenantId) && c.email().equals(email))
        .map(Contact.class::cast)
        .toList();
  }

  @Override
  public List<Company> companiesByDomain(String tenantId, String domain) {
    return entries.stream()
        .filter(
            e ->
                e instanceof Company c
                    && c.tenantId().equals(tenantId)
                    && c.emailDomains().contains(domain))
        .map(Company.class::cast)
        .toList();
  }

  @Override
  public Optional<Company> company(String tenantId, String companyId) {
    return entries.stream()
        .filter(
            e ->
                e instanceof Company c && c.tenantId().equals(tenantId) && c.id().equals(companyId))
        .map(Company.class::cast)
        .findFirst();
  }

  @Override
  public boolean isUser(String tenantId, String email) {
    return entries.stream()
        .anyMatch(
            e ->
                e instanceof AppUser u && u.tenantId().equals(tenantId) && u.email().equals(email));
  }
}
