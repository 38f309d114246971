package io.mailsync.fetcher.mailbox;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.mailsync.contracts.mailbox.MailServer;
import io.mailsync.contracts.mailbox.MailboxConfigured;
import java.time.Instant;
import java.util.List;

/**
 * A mailbox account as the API shows it: settings and sync status, never the password.
 *
 * @param folders the configured folders; empty means INBOX plus the detected Sent folder
 */
public record MailboxView(
    String id,
    String emailAddress,
    String username,
    MailServer imap,
    MailServer smtp,
    List<String> folders,
    String sentFolder,
    MailboxConfigured.State state,
    Sync sync) {

  /**
   * @param error why the last sync failed, readable by the user; null after a successful sync
   * @param lastSyncAt when a sync last succeeded
   * @param nextAttemptAt after a failure, when the next sync may start (backoff); null otherwise
   * @param lastMessageError the last message that could not be read and was published without its
   *     content, and why; stays until another one replaces it
   * @param folders each synced folder's checkpoint
   */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Sync(
      SyncStatus status,
      String error,
      Instant lastSyncAt,
      Instant nextAttemptAt,
      String lastMessageError,
      List<FolderProgress> folders) {}

  public record FolderProgress(String name, long uidValidity, long lastUid) {}

  static MailboxView of(Mailbox mailbox, List<FolderCheckpoint> checkpoints) {
    return new MailboxView(
        mailbox.id.toString(),
        mailbox.emailAddress,
        mailbox.username,
        mailbox.imap(),
        mailbox.smtp(),
        mailbox.folders,
        mailbox.sentFolder,
        mailbox.state,
        new Sync(
            mailbox.syncStatus,
            mailbox.syncError,
            mailbox.lastSyncAt,
            mailbox.nextAttemptAt,
            mailbox.lastMessageError,
            checkpoints.stream()
                .map(c -> new FolderProgress(c.folder, c.uidValidity, c.lastUid))
                .toList()));
  }
}
