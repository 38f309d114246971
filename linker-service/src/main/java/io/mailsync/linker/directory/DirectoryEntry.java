package io.mailsync.linker.directory;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;

/** A row of the CRM directory as the linker keeps it: always within one tenant. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
  @JsonSubTypes.Type(value = Company.class, name = "COMPANY"),
  @JsonSubTypes.Type(value = Contact.class, name = "CONTACT"),
  @JsonSubTypes.Type(value = AppUser.class, name = "USER")
})
public sealed interface DirectoryEntry permits Company, Contact, AppUser {

  enum Kind {
    COMPANY,
    CONTACT,
    USER
  }

  Kind kind();

  String id();

  String tenantId();

  /** When the row came to exist; links are made only to rows that existed at receipt. */
  Instant createdAt();
}
