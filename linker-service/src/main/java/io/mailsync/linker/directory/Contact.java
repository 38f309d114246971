package io.mailsync.linker.directory;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/** A customer person, optionally of a company; {@code email} is lower-case. */
public record Contact(
    String id, String tenantId, String companyId, String email, String name, Instant createdAt)
    implements DirectoryEntry {

  public Contact {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(createdAt, "createdAt");
    email = Objects.requireNonNull(email, "email").strip().toLowerCase(Locale.ROOT);
  }

  @Override
  public Kind kind() {
    return Kind.CONTACT;
  }
}
