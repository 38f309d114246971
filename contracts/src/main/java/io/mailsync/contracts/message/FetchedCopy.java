package io.mailsync.contracts.message;

import io.mailsync.contracts.DeterministicIds;

/**
 * One copy of an email in one mailbox folder, identified the way IMAP identifies it: the folder's
 * UIDVALIDITY plus the message UID. Fetching the same copy again yields the same identity.
 */
public record FetchedCopy(String mailboxId, String folder, long uidValidity, long uid) {

  /** A name-based UUID of the copy's identity: re-fetching the copy re-publishes the same id. */
  public String eventId() {
    return DeterministicIds.of(mailboxId, folder, uidValidity, uid);
  }
}
