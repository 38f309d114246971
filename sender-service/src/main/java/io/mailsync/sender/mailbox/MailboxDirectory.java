package io.mailsync.sender.mailbox;

import io.mailsync.contracts.Keys;
import io.mailsync.contracts.Timestamps;
import io.mailsync.contracts.mailbox.MailServer;
import io.mailsync.contracts.mailbox.MailboxConfigured;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

/** The sender's copy of the mailboxes topic: the latest settings per mailbox. */
@ApplicationScoped
public class MailboxDirectory {

  // Keeps the newest record per mailbox whatever order replays arrive in; replaying the same
  // record writes the same values again.
  private static final String UPSERT =
      """
      INSERT INTO {h-schema}mailbox (mailbox_key, tenant_id, mailbox_id, event_id, configured_at,
          email_address, smtp_host, smtp_port, smtp_security, smtp_trust_any_cert,
          imap_host, imap_port, imap_security, imap_trust_any_cert, username,
          credentials_key_id, credentials_algorithm, credentials_ciphertext, sent_folder,
          state, owner_user_id, updated_at)
      VALUES (:key, :tenant, :mailbox, :eventId, :configuredAt, :email, :smtpHost, :smtpPort,
          :smtpSecurity, :smtpTrust, :imapHost, :imapPort, :imapSecurity, :imapTrust, :username,
          :keyId, :algorithm, :ciphertext, :sentFolder, :state, :owner, :now)
      ON CONFLICT (mailbox_key) DO UPDATE SET
          event_id = EXCLUDED.event_id, configured_at = EXCLUDED.configured_at,
          email_address = EXCLUDED.email_address, smtp_host = EXCLUDED.smtp_host,
          smtp_port = EXCLUDED.smtp_port, smtp_security = EXCLUDED.smtp_security,
          smtp_trust_any_cert = EXCLUDED.smtp_trust_any_cert, imap_host = EXCLUDED.imap_host,
          imap_port = EXCLUDED.imap_port, imap_security = EXCLUDED.imap_security,
          imap_trust_any_cert = EXCLUDED.imap_trust_any_cert, username = EXCLUDED.username,
          credentials_key_id = EXCLUDED.credentials_key_id,
          credentials_algorithm = EXCLUDED.credentials_algorithm,
          credentials_ciphertext = EXCLUDED.credentials_ciphertext,
          sent_folder = EXCLUDED.sent_folder, state = EXCLUDED.state,
          owner_user_id = EXCLUDED.owner_user_id,
          updated_at = EXCLUDED.updated_at
      WHERE mailbox.configured_at <= EXCLUDED.configured_at
      """;

  private final Mutiny.SessionFactory sessions;

  public MailboxDirectory(Mutiny.SessionFactory sessions) {
    this.sessions = sessions;
  }

  /**
   * Stores the settings unless newer ones are already stored.
   *
   * @return true when the record was applied
   */
  public Uni<Boolean> apply(MailboxConfigured event) {
    MailServer smtp = event.smtp();
    MailServer imap = event.imap();
    var credentials = event.credentials();
    return sessions.withTransaction(
        session ->
            session
                .createNativeQuery(UPSERT)
                .setParameter("key", Keys.mailbox(event.tenantId(), event.mailboxId()))
                .setParameter("tenant", event.tenantId())
                .setParameter("mailbox", event.mailboxId())
                .setParameter("eventId", event.id())
                .setParameter("configuredAt", event.occurredAt())
                .setParameter("email", event.emailAddress())
                .setParameter("smtpHost", smtp == null ? null : smtp.host())
                .setParameter("smtpPort", smtp == null ? null : smtp.port())
                .setParameter("smtpSecurity", security(smtp))
                .setParameter("smtpTrust", smtp != null && smtp.trustAnyCertificate())
                .setParameter("imapHost", imap == null ? null : imap.host())
                .setParameter("imapPort", imap == null ? null : imap.port())
                .setParameter("imapSecurity", security(imap))
                .setParameter("imapTrust", imap != null && imap.trustAnyCertificate())
                .setParameter("username", event.username())
                .setParameter("keyId", credentials == null ? null : credentials.keyId())
                .setParameter("algorithm", credentials == null ? null : credentials.algorithm())
                .setParameter("ciphertext", credentials == null ? null : credentials.ciphertext())
                .setParameter("sentFolder", blankToNull(event.sentFolder()))
                .setParameter(
                    "state",
                    event.state() == null
                        ? MailboxConfigured.State.ACTIVE.name()
                        : event.state().name())
                .setParameter("owner", event.ownerUserId())
                .setParameter("now", Timestamps.now())
                .executeUpdate()
                .map(updated -> updated > 0));
  }

  /** A tombstone on the mailboxes topic: the account is gone. */
  public Uni<Boolean> remove(String mailboxKey) {
    return sessions.withTransaction(
        session ->
            session
                .createMutationQuery("delete from MailboxSettings where mailboxKey = :key")
                .setParameter("key", mailboxKey)
                .executeUpdate()
                .map(deleted -> deleted > 0));
  }

  /** The mailbox's settings within its tenant, or null; another tenant's mailbox is not found. */
  public Uni<MailboxSettings> find(String tenantId, String mailboxId) {
    return sessions.withSession(
        session ->
            session
                .createSelectionQuery(
                    "from MailboxSettings where tenantId = :tenant and mailboxId = :mailbox",
                    MailboxSettings.class)
                .setParameter("tenant", tenantId)
                .setParameter("mailbox", mailboxId)
                .getSingleResultOrNull());
  }

  private static String security(MailServer server) {
    if (server == null) {
      return null;
    }
    return server.security().name();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
