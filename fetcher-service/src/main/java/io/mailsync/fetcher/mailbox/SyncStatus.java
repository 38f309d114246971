package io.mailsync.fetcher.mailbox;

/** Where a mailbox's sync stands, as users see it. */
public enum SyncStatus {
  /** Registered, not synced yet. */
  PENDING,
  /** A sync is running now. */
  SYNCING,
  /** The last sync read every folder. */
  OK,
  /** The last sync failed; the error says why, and the next poll retries. */
  ERROR
}
