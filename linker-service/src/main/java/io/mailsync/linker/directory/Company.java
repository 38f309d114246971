package io.mailsync.linker.directory;

import io.mailsync.mail.address.EmailAddressSyntax;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A customer company; {@code emailDomains} are in the form participants' domains are compared in
 * ({@link EmailAddressSyntax#domainMatchKey}).
 */
public record Company(
    String id, String tenantId, String name, Set<String> emailDomains, Instant createdAt)
    implements DirectoryEntry {

  public Company {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(createdAt, "createdAt");
    emailDomains =
        emailDomains == null
            ? Set.of()
            : emailDomains.stream()
                .filter(Objects::nonNull)
                .map(EmailAddressSyntax::domainMatchKey)
                .filter(d -> !d.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
  }

  @Override
  public Kind kind() {
    return Kind.COMPANY;
  }
}
