package io.mailsync.fetcher.mailbox;

/** Where a mailbox's sync stands, as users see it. */
public enum SyncStatus {
  /** Registered, not synced yet. */
  PENDING,
  /** A sync is running now. */
  SYNCING,
  /** The last sync read every folder. */
  OK,
  /**
   * The last sync failed; the error says why. The next attempt waits for a backoff that grows with
   * each failure in a row (see {@code sync.nextAttemptAt}).
   */
  ERROR,
  /**
   * The server refused the login. Nothing is tried again until the user asks for a retry (or
   * changes the settings): retrying a wrong password would lock the account or get the address
   * banned.
   */
  AUTH_FAILED
}
