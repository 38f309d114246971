package io.mailsync.fetcher.imap;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts consecutive failures to read the same message copy, per mailbox folder, so one unreadable
 * message can't hold its folder back forever: after {@link #LIMIT} failures in a row it is given up
 * on. Kept in memory, so a restart only grants a few more attempts.
 */
final class ReadAttempts {

  static final int LIMIT = 3;

  private record FolderOf(UUID mailboxId, String folder) {}

  private record Failures(long uidValidity, long uid, int count) {}

  /** At most one entry per folder: a sync stops at the first copy it can't read. */
  private final Map<FolderOf, Failures> failing = new ConcurrentHashMap<>();

  /**
   * Records a failed read; true when that makes {@link #LIMIT} in a row and the copy is given up.
   */
  boolean failedAndGivenUp(UUID mailboxId, String folder, long uidValidity, long uid) {
    FolderOf key = new FolderOf(mailboxId, folder);
    Failures now =
        failing.merge(
            key,
            new Failures(uidValidity, uid, 1),
            (before, first) ->
                before.uidValidity() == uidValidity && before.uid() == uid
                    ? new Failures(uidValidity, uid, before.count() + 1)
                    : first);
    if (now.count() >= LIMIT) {
      failing.remove(key);
      return true;
    }
    return false;
  }

  /** The copy was read after all: its earlier failures no longer count. */
  void succeeded(UUID mailboxId, String folder, long uidValidity, long uid) {
    failing.computeIfPresent(
        new FolderOf(mailboxId, folder),
        (key, f) -> f.uidValidity() == uidValidity && f.uid() == uid ? null : f);
  }
}
