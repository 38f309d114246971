package io.mailsync.fetcher.mailbox;

import io.mailsync.fetcher.credentials.CredentialSeals;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Where a change to a mailbox account is committed: one transaction per change, its announcement
 * (the outbox row {@link MailboxAnnouncer} writes) in the same transaction.
 */
@ApplicationScoped
public class MailboxChanges {

  private static final Logger LOG = Logger.getLogger(MailboxChanges.class);

  private final MailboxStore store;
  private final CredentialSeals seals;
  private final MailboxAnnouncer announcer;

  public MailboxChanges(MailboxStore store, CredentialSeals seals, MailboxAnnouncer announcer) {
    this.store = store;
    this.seals = seals;
    this.announcer = announcer;
  }

  /**
   * Commits a new account with its announcement.
   *
   * @param password the clear password, which the account holds sealed at rest
   * @throws jakarta.persistence.PersistenceException breaking {@link MailboxStore#ADDRESS_TAKEN}
   *     when the tenant already has a mailbox with this address; nothing is committed then
   */
  @Transactional
  public void commitRegistration(Mailbox mailbox, String password) {
    store.insert(mailbox);
    announcer.announce(mailbox, password);
  }

  /**
   * Announces a stored account again under the current transport key, its password re-sealed with
   * the current at-rest key when a previous one sealed it (the rotations of both keys complete this
   * way, one mailbox per transaction).
   *
   * @param id read again in this transaction, so what is announced is the account as it is now, not
   *     as it was when the caller listed it
   * @return false when the account is gone, or its stored password opens with none of the
   *     configured at-rest keys; the account is then left as it is and not announced
   */
  @Transactional
  public boolean reseal(UUID id) {
    Mailbox mailbox = store.find(id).orElse(null);
    if (mailbox == null) {
      return false;
    }
    String password;
    try {
      password =
          seals.openAtRest(mailbox.sealedPassword(), mailbox.tenantId, mailbox.id.toString());
    } catch (IllegalArgumentException e) {
      LOG.errorf(
          "mailbox %s: stored password does not open with at-rest key %s; not announced",
          mailbox.id, mailbox.passwordKeyId);
      return false;
    }
    if (seals.needsResealing(mailbox.sealedPassword())) {
      store.resealPassword(
          mailbox.id,
          mailbox.sealedPassword(),
          seals.sealAtRest(password, mailbox.tenantId, mailbox.id.toString()));
    }
    announcer.announce(mailbox, password);
    return true;
  }
}
