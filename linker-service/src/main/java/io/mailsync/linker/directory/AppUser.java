package io.mailsync.linker.directory;

import io.mailsync.mail.address.EmailAddressSyntax;
import java.time.Instant;
import java.util.Objects;

/** A user of the tenant: a colleague, whose address never counts as a customer match. */
public record AppUser(String id, String tenantId, String email, String name, Instant createdAt)
    implements DirectoryEntry {

  public AppUser {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(createdAt, "createdAt");
    email = EmailAddressSyntax.matchKey(Objects.requireNonNull(email, "email"));
  }

  @Override
  public Kind kind() {
    return Kind.USER;
  }
}
