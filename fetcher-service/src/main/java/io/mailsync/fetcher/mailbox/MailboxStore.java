package io.mailsync.fetcher.mailbox;

import io.mailsync.contracts.mailbox.SealedCredentials;
import io.mailsync.rest.UniqueKey;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Mailbox rows and folder checkpoints (blocking Hibernate ORM). Every method joins the caller's
 * transaction, or runs in one of its own when there is none: a sync commits each step on its own
 * and never holds a transaction open while it talks to a mail server or the broker.
 */
@ApplicationScoped
@Transactional
public class MailboxStore {

  /** One mailbox per address and tenant, whatever the case of its letters (V1__fetcher.sql). */
  @Produces
  static final UniqueKey ADDRESS_TAKEN =
      new UniqueKey(
          "mailbox_tenant_address",
          "emailAddress",
          "is already registered as a mailbox of this tenant");

  private static final String UPSERT_CHECKPOINT =
      """
      INSERT INTO fetcher.folder_checkpoint (mailbox_id, folder, uid_validity, last_uid, updated_at)
      VALUES (?1, ?2, ?3, ?4, now())
      ON CONFLICT (mailbox_id, folder) DO UPDATE SET
        last_uid = CASE WHEN folder_checkpoint.uid_validity = EXCLUDED.uid_validity
                        THEN GREATEST(folder_checkpoint.last_uid, EXCLUDED.last_uid)
                        ELSE EXCLUDED.last_uid END,
        uid_validity = EXCLUDED.uid_validity,
        updated_at = now()
      """;

  private static final String START_INITIAL_SYNC =
      """
      INSERT INTO fetcher.folder_checkpoint
        (mailbox_id, folder, uid_validity, last_uid, initial_sync_pending, updated_at)
      VALUES (?1, ?2, ?3, 0, true, now())
      ON CONFLICT (mailbox_id, folder) DO UPDATE SET
        uid_validity = EXCLUDED.uid_validity,
        last_uid = 0,
        initial_sync_pending = true,
        updated_at = now()
      """;

  private static final String COMPLETE_INITIAL_SYNC =
      """
      UPDATE fetcher.folder_checkpoint
      SET last_uid = GREATEST(last_uid, ?4), initial_sync_pending = false, updated_at = now()
      WHERE mailbox_id = ?1 AND folder = ?2 AND uid_validity = ?3
      """;

  /**
   * @throws jakarta.persistence.PersistenceException breaking {@link #ADDRESS_TAKEN} when the
   *     tenant already has a mailbox with this address
   */
  public void insert(Mailbox mailbox) {
    // Flushed now, so a duplicate address is refused here rather than at commit.
    mailbox.persistAndFlush();
  }

  public Optional<Mailbox> find(UUID id) {
    return Mailbox.findByIdOptional(id);
  }

  /** The mailbox when it belongs to this user of this tenant. */
  public Optional<Mailbox> findForOwner(String tenantId, String ownerUserId, UUID id) {
    return Mailbox.<Mailbox>find(
            "id = ?1 and tenantId = ?2 and ownerUserId = ?3", id, tenantId, ownerUserId)
        .firstResultOptional();
  }

  public List<Mailbox> listForOwner(String tenantId, String ownerUserId) {
    return Mailbox.list(
        "tenantId = ?1 and ownerUserId = ?2 order by createdAt, id", tenantId, ownerUserId);
  }

  /**
   * Mailboxes in id order after {@code after} (from the first when null) whose last announcement
   * was sealed with a transport key other than {@code transportKeyId}, or recorded none, or whose
   * password is sealed with an at-rest key other than {@code atRestKeyId}.
   */
  public List<Mailbox> sealedWithOtherKeys(
      String transportKeyId, String atRestKeyId, UUID after, int size) {
    String stale =
        "(announcedTransportKeyId is null or announcedTransportKeyId <> ?1"
            + " or passwordKeyId <> ?2)";
    return (after == null
            ? Mailbox.<Mailbox>find(stale + " order by id", transportKeyId, atRestKeyId)
            : Mailbox.<Mailbox>find(
                stale + " and id > ?3 order by id", transportKeyId, atRestKeyId, after))
        .page(0, size)
        .list();
  }

  /** Records which transport key sealed the mailbox's latest announcement. */
  public void markAnnounced(UUID id, String transportKeyId) {
    Mailbox.update("announcedTransportKeyId = ?2 where id = ?1", id, transportKeyId);
  }

  /**
   * Replaces a password sealed with a previous at-rest key by the same password under the current
   * key — unless the row holds another ciphertext by now (a new password arrived meanwhile).
   */
  public void resealPassword(UUID id, SealedCredentials old, SealedCredentials sealed) {
    Mailbox.update(
        "passwordKeyId = ?2, passwordAlgorithm = ?3, passwordCiphertext = ?4"
            + " where id = ?1 and passwordCiphertext = ?5",
        id,
        sealed.keyId(),
        sealed.algorithm(),
        sealed.ciphertext(),
        old.ciphertext());
  }

  /** Shows a running sync; the last error stays visible until a sync succeeds. */
  public void markSyncing(UUID id) {
    Mailbox.update("syncStatus = ?2 where id = ?1", id, SyncStatus.SYNCING);
  }

  public void syncSucceeded(UUID id, Instant at) {
    Mailbox.update(
        "syncStatus = ?2, syncError = null, lastSyncAt = ?3, consecutiveFailures = 0,"
            + " nextAttemptAt = null where id = ?1",
        id,
        SyncStatus.OK,
        at);
  }

  /** The {@code failures}-th failure in a row; the next attempt waits until {@code nextAttempt}. */
  public void syncFailed(UUID id, String error, int failures, Instant nextAttempt) {
    Mailbox.update(
        "syncStatus = ?2, syncError = ?3, consecutiveFailures = ?4, nextAttemptAt = ?5"
            + " where id = ?1",
        id,
        SyncStatus.ERROR,
        error,
        failures,
        nextAttempt);
  }

  /** The server refused the login: no attempt until {@link #retryNow}. */
  public void loginRefused(UUID id, String error) {
    Mailbox.update(
        "syncStatus = ?2, syncError = ?3, nextAttemptAt = null where id = ?1",
        id,
        SyncStatus.AUTH_FAILED,
        error);
  }

  /**
   * Lifts a refused login and any backoff of the owner's mailbox, so the next poll syncs it; the
   * last error stays visible until a sync succeeds.
   *
   * @return whether the owner has such a mailbox
   */
  public boolean retryNow(String tenantId, String ownerUserId, UUID id) {
    return Mailbox.update(
            "syncStatus = case when syncStatus = ?4 then ?5 else syncStatus end,"
                + " consecutiveFailures = 0, nextAttemptAt = null"
                + " where id = ?1 and tenantId = ?2 and ownerUserId = ?3",
            id,
            tenantId,
            ownerUserId,
            SyncStatus.AUTH_FAILED,
            SyncStatus.ERROR)
        > 0;
  }

  /** Shows the last message that was published without its content because it can't be read. */
  public void messageUnreadable(UUID id, String error) {
    Mailbox.update("lastMessageError = ?2 where id = ?1", id, error);
  }

  public Optional<FolderCheckpoint> checkpoint(UUID mailboxId, String folder) {
    return FolderCheckpoint.<FolderCheckpoint>find(
            "mailboxId = ?1 and folder = ?2", mailboxId, folder)
        .firstResultOptional();
  }

  /** Each mailbox's checkpoints by folder name. */
  public Map<UUID, List<FolderCheckpoint>> checkpoints(Collection<UUID> mailboxIds) {
    if (mailboxIds.isEmpty()) {
      return Map.of();
    }
    List<FolderCheckpoint> all =
        FolderCheckpoint.list("mailboxId in ?1 order by folder", List.copyOf(mailboxIds));
    Map<UUID, List<FolderCheckpoint>> byMailbox = new LinkedHashMap<>();
    for (FolderCheckpoint checkpoint : all) {
      byMailbox.computeIfAbsent(checkpoint.mailboxId, id -> new ArrayList<>()).add(checkpoint);
    }
    return byMailbox;
  }

  /**
   * Records progress. Under the same UIDVALIDITY the checkpoint only moves forward (a late or
   * concurrent writer can't move it back); a new UIDVALIDITY replaces it.
   */
  public void saveCheckpoint(UUID mailboxId, String folder, long uidValidity, long lastUid) {
    execute(UPSERT_CHECKPOINT, mailboxId, folder, uidValidity, lastUid);
  }

  /**
   * Starts a folder's first sync (new folder, or its UIDs were reset): nothing published yet, and
   * until {@link #completeInitialSync} every sync reads the initial window again.
   */
  public void startInitialSync(UUID mailboxId, String folder, long uidValidity) {
    execute(START_INITIAL_SYNC, mailboxId, folder, uidValidity);
  }

  /** The first sync read the whole initial window; {@code lastUid} skips the older mail. */
  public void completeInitialSync(UUID mailboxId, String folder, long uidValidity, long lastUid) {
    execute(COMPLETE_INITIAL_SYNC, mailboxId, folder, uidValidity, lastUid);
  }

  private static void execute(String sql, Object... parameters) {
    Query query = Panache.getEntityManager().createNativeQuery(sql);
    for (int i = 0; i < parameters.length; i++) {
      query.setParameter(i + 1, parameters[i]);
    }
    query.executeUpdate();
  }
}
