package io.mailsync.fetcher.mailbox;

import io.mailsync.contracts.DeterministicIds;
import io.mailsync.contracts.mailbox.MailboxConfigured;
import io.mailsync.fetcher.credentials.CredentialSeals;
import io.mailsync.fetcher.publish.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * Announces mailbox settings on the compacted mailboxes topic, the password sealed with the
 * transport key: the MailboxConfigured record goes to the fetcher's outbox in the transaction of
 * the change it announces, so a committed change is always announced and an announced one always
 * committed.
 */
@ApplicationScoped
public class MailboxAnnouncer {

  private final MailboxStore store;
  private final CredentialSeals seals;
  private final Outbox outbox;

  public MailboxAnnouncer(MailboxStore store, CredentialSeals seals, Outbox outbox) {
    this.store = store;
    this.seals = seals;
    this.outbox = outbox;
  }

  /** Announces a mailbox whose clear password the caller holds, in the caller's transaction. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void announce(Mailbox mailbox, String password) {
    outbox.append(event(mailbox, password));
    store.markAnnounced(mailbox.id, seals.transportKeyId());
  }

  MailboxConfigured event(Mailbox mailbox, String password) {
    String mailboxId = mailbox.id.toString();
    return new MailboxConfigured(
        eventId(mailbox.id, mailbox.configVersion, seals.transportKeyId()),
        mailbox.tenantId,
        mailbox.updatedAt,
        mailboxId,
        mailbox.ownerUserId,
        mailbox.emailAddress,
        mailbox.imap(),
        mailbox.smtp(),
        mailbox.username,
        seals.sealForTransport(password, mailbox),
        mailbox.folders,
        mailbox.sentFolder,
        mailbox.state);
  }

  /**
   * Same settings version under the same transport key, same event id: consumers can drop repeats.
   * A re-announcement after a key rotation is a new event, so it is not dropped as one.
   */
  static String eventId(UUID mailboxId, long configVersion, String transportKeyId) {
    return DeterministicIds.of("mailbox-configured", mailboxId, configVersion, transportKeyId);
  }
}
