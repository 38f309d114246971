package io.mailsync.fetcher.imap;

import io.mailsync.fetcher.mailbox.SyncStatus;
import java.util.UUID;

/**
 * What one sync of a mailbox did.
 *
 * @param status OK or ERROR after a sync; null when the mailbox was not synced (unknown, paused)
 * @param published how many copies were published and checkpointed
 */
public record SyncReport(UUID mailboxId, SyncStatus status, String error, int published) {

  static SyncReport skipped(UUID mailboxId, String why) {
    return new SyncReport(mailboxId, null, why, 0);
  }
}
