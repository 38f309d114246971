package io.mailsync.fetcher.mailbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Where a change to a mailbox account is committed: one transaction per change. Whatever must
 * happen atomically with the change (such as recording its announcement) belongs in that
 * transaction; the announcement itself is published after the commit (see {@link
 * MailboxAnnouncer}).
 */
@ApplicationScoped
public class MailboxChanges {

  private final MailboxStore store;

  public MailboxChanges(MailboxStore store) {
    this.store = store;
  }

  /**
   * Commits a new account.
   *
   * @throws io.mailsync.rest.ConflictException naming {@code emailAddress} when the tenant already
   *     has a mailbox with this address; nothing is committed then
   */
  @Transactional
  public void commitRegistration(Mailbox mailbox) {
    store.insert(mailbox);
  }
}
