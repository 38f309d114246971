package io.mailsync.fetcher.mailbox;

import io.mailsync.contracts.Timestamps;
import io.mailsync.contracts.mailbox.MailboxConfigured;
import io.mailsync.contracts.mailbox.SealedCredentials;
import io.mailsync.fetcher.credentials.CredentialSeals;
import io.mailsync.fetcher.mailbox.MailboxRequest.ServerSettings;
import io.mailsync.mail.address.EmailAddressSyntax;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Registers mailbox accounts and shows each to its owner. */
@ApplicationScoped
public class MailboxAccounts {

  private final MailboxStore store;
  private final MailboxChanges changes;
  private final CredentialSeals seals;

  public MailboxAccounts(MailboxStore store, MailboxChanges changes, CredentialSeals seals) {
    this.store = store;
    this.changes = changes;
    this.seals = seals;
  }

  /**
   * Stores the account with its password sealed, and its announcement on the mailboxes topic in the
   * same transaction.
   *
   * @param request valid by the constraints of {@link MailboxRequest} (checked at the REST edge)
   * @throws jakarta.persistence.PersistenceException breaking {@link MailboxStore#ADDRESS_TAKEN}
   *     when the tenant already has the address (answered 409 naming {@code emailAddress})
   */
  public MailboxView register(String tenantId, String ownerUserId, MailboxRequest request) {
    Mailbox mailbox = newAccount(tenantId, ownerUserId, request);
    changes.commitRegistration(mailbox, request.password());
    return MailboxView.of(mailbox, List.of());
  }

  private Mailbox newAccount(String tenantId, String ownerUserId, MailboxRequest request) {
    UUID id = UUID.randomUUID();
    Instant now = Timestamps.now();
    Mailbox mailbox = new Mailbox();
    mailbox.id = id;
    mailbox.tenantId = tenantId;
    mailbox.ownerUserId = ownerUserId;
    // Stored as the timeline keeps addresses and the linker compares them: lower case, ASCII
    // domain. The login stays as typed: a server may tell its logins apart by case.
    mailbox.emailAddress = EmailAddressSyntax.normalize(request.emailAddress()).orElseThrow();
    mailbox.username =
        request.username() == null || request.username().isBlank()
            ? request.emailAddress().strip()
            : request.username();
    SealedCredentials sealed = seals.sealAtRest(request.password(), tenantId, id.toString());
    mailbox.passwordKeyId = sealed.keyId();
    mailbox.passwordAlgorithm = sealed.algorithm();
    mailbox.passwordCiphertext = sealed.ciphertext();
    ServerSettings imap = request.imap();
    mailbox.imapHost = imap.host();
    mailbox.imapPort = imap.port();
    mailbox.imapSecurity = imap.security();
    mailbox.imapTrustAnyCertificate = Boolean.TRUE.equals(imap.trustAnyCertificate());
    ServerSettings smtp = request.smtp();
    mailbox.smtpHost = smtp.host();
    mailbox.smtpPort = smtp.port();
    mailbox.smtpSecurity = smtp.security();
    mailbox.smtpTrustAnyCertificate = Boolean.TRUE.equals(smtp.trustAnyCertificate());
    mailbox.folders = request.folders() == null ? List.of() : List.copyOf(request.folders());
    mailbox.sentFolder = request.sentFolder();
    mailbox.state = MailboxConfigured.State.ACTIVE;
    mailbox.configVersion = 1;
    mailbox.syncStatus = SyncStatus.PENDING;
    mailbox.createdAt = now;
    mailbox.updatedAt = now;
    return mailbox;
  }

  /** A mailbox is visible to its owner only; anyone else gets nothing, as for an unknown id. */
  @Transactional
  public Optional<MailboxView> find(String tenantId, String userId, UUID id) {
    return store
        .findForOwner(tenantId, userId, id)
        .map(
            m -> MailboxView.of(m, store.checkpoints(List.of(m.id)).getOrDefault(m.id, List.of())));
  }

  /**
   * Pauses ({@code PAUSED}) or resumes ({@code ACTIVE}) the caller's mailbox.
   *
   * @return the mailbox as it is now, or empty when it is not the caller's
   */
  public Optional<MailboxView> changeState(
      String tenantId, String userId, UUID id, MailboxConfigured.State state) {
    return changes
        .changeState(tenantId, userId, id, state)
        .flatMap(m -> find(tenantId, userId, m.id));
  }

  /**
   * Lifts a refused login or a backoff so that the next poll syncs the mailbox: the user's "retry".
   *
   * @return the mailbox as it is now, or empty when it is not the caller's
   */
  @Transactional
  public Optional<MailboxView> retry(String tenantId, String userId, UUID id) {
    // Updated before it is read, so the answer shows the row as it is now.
    if (!store.retryNow(tenantId, userId, id)) {
      return Optional.empty();
    }
    return find(tenantId, userId, id);
  }

  /** The caller's own mailboxes. */
  @Transactional
  public List<MailboxView> list(String tenantId, String userId) {
    List<Mailbox> mailboxes = store.listForOwner(tenantId, userId);
    Map<UUID, List<FolderCheckpoint>> checkpoints =
        store.checkpoints(mailboxes.stream().map(m -> m.id).toList());
    return mailboxes.stream()
        .map(m -> MailboxView.of(m, checkpoints.getOrDefault(m.id, List.of())))
        .toList();
  }
}
