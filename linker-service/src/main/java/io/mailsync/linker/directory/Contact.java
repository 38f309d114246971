package io.mailsync.linker.directory;

import io.mailsync.mail.address.EmailAddressSyntax;
import java.time.Instant;
import java.util.Objects;

/** A customer person, optionally of a company; {@code email} is lower-case. */
public record Contact(
    String id, String tenantId, String companyId, String email, String name, Instant createdAt)
    implements DirectoryEntry {

  public Contact {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(createdAt, "createdAt");
    email = EmailAddressSyntax.matchKey(Objects.requireNonNull(email, "email"));
  }

  @Override
  public Kind kind() {
    return Kind.CONTACT;
  }
}
