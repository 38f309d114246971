package io.mailsync.linker.directory;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/** A user of the tenant: a colleague, whose address never counts as a customer match. */
public record AppUser(String id, String tenantId, String email, String name, Instant createdAt)
    implements DirectoryEntry {

  public AppUser {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(createdAt, "createdAt");
    email = Objects.requireNonNull(email, "email").strip().toLowerCase(Locale.ROOT);
  }

  @Override
  public Kind kind() {
    return Kind.USER;
  }
}
