package io.mailsync.linker.directory;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Objects;

/** One change to the directory of one tenant, as derived from a change event. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "change")
@JsonSubTypes({
  @JsonSubTypes.Type(value = DirectoryChange.Upsert.class, name = "UPSERT"),
  @JsonSubTypes.Type(value = DirectoryChange.Delete.class, name = "DELETE")
})
public sealed interface DirectoryChange {

  String tenantId();

  /** The row exists (created, updated or read by a snapshot) with these values. */
  record Upsert(DirectoryEntry entry) implements DirectoryChange {

    public Upsert {
      Objects.requireNonNull(entry, "entry");
    }

    @Override
    public String tenantId() {
      return entry.tenantId();
    }
  }

  /** The row is gone from this tenant's directory. */
  record Delete(DirectoryEntry.Kind kind, String tenantId, String id) implements DirectoryChange {

    public Delete {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(tenantId, "tenantId");
      Objects.requireNonNull(id, "id");
    }
  }
}
