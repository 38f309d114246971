package io.mailsync.fetcher.mailbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * How far a folder has been published: every message up to {@code lastUid} under {@code
 * uidValidity} is on the topic. A different UIDVALIDITY on the server means the UIDs were reset.
 */
@Entity
@Table(name = "folder_checkpoint")
@IdClass(FolderCheckpoint.Key.class)
public class FolderCheckpoint extends PanacheEntityBase {

  @Id public UUID mailboxId;
  @Id public String folder;
  public long uidValidity;
  public long lastUid;

  /** The folder's first sync (of the initial window) has not completed yet. */
  public boolean initialSyncPending;

  public Instant updatedAt;

  public static class Key implements Serializable {

    public UUID mailboxId;
    public String folder;

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && Objects.equals(mailboxId, k.mailboxId)
          && Objects.equals(folder, k.folder);
    }

    @Override
    public int hashCode() {
      return Objects.hash(mailboxId, folder);
    }
  }
}
