package io.mailsync.fetcher.mailbox;

import io.mailsync.contracts.Timestamps;
import io.mailsync.contracts.mailbox.MailboxConfigured;
import io.mailsync.fetcher.credentials.CredentialSeals;
import io.mailsync.rest.ConflictException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;
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
   * Pauses or resumes the owner's mailbox and announces the new state; a paused mailbox keeps its
   * checkpoints and is not synced until it is resumed, when it goes on where it stopped. Asking for
   * the state it is in changes nothing and announces nothing.
   *
   * @return the mailbox as it is now, or empty when it is not the owner's
   * @throws ConflictException when the stored password no longer opens, so the change could not be
   *     announced to the other services; nothing is committed then
   */
  @Transactional
  public Optional<Mailbox> changeState(
      String tenantId, String ownerUserId, UUID id, MailboxConfigured.State state) {
    Optional<Mailbox> found = store.findForOwner(tenantId, ownerUserId, id);
    if (found.isEmpty() || found.get().state == state) {
      return found;
    }
    Mailbox mailbox = found.get();
    String password;
    try {
      password =
          seals.openAtRest(mailbox.sealedPassword(), mailbox.tenantId, mailbox.id.toString());
    } catch (IllegalArgumentException e) {
      throw new ConflictException(
          "password", "no longer opens with the configured keys; register the mailbox again");
    }
    mailbox.state = state;
    mailbox.configVersion++;
    mailbox.updatedAt = Timestamps.now();
    announcer.announce(mailbox, password);
    LOG.infof("mailbox %s is now %s", mailbox.id, state);
    return Optional.of(mailbox);
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
