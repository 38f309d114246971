package io.mailsync.linker.directory;

import io.mailsync.mail.address.EmailAddressSyntax;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** A customer company; {@code emailDomains} are lower-case, without a leading {@code @}. */
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
                .map(Company::normalizeDomain)
                .filter(d -> !d.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
  }

  @Override
  public Kind kind() {
    return Kind.COMPANY;
  }

  private static String normalizeDomain(String domain) {
    String d = domain.strip().toLowerCase(Locale.ROOT);
    String bare = d.startsWith("@") ? d.substring(1) : d;
    // The same form participants' domains are compared in; kept as written when not a domain.
    return EmailAddressSyntax.normalizeDomain(bare).orElse(bare);
  }
}
