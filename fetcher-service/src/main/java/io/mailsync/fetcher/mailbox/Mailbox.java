package io.mailsync.fetcher.mailbox;

import io.mailsync.contracts.mailbox.MailServer;
import io.mailsync.contracts.mailbox.MailboxConfigured;
import io.mailsync.contracts.mailbox.SealedCredentials;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A mailbox account row. Never leaves the service: the API and events use their own records. */
@Entity
@Table(name = "mailbox")
public class Mailbox extends PanacheEntityBase {

  @Id public UUID id;
  public String tenantId;
  public String ownerUserId;
  public String emailAddress;
  public String username;

  /** The password sealed with the at-rest key, bound to tenant/mailbox. */
  public String passwordKeyId;

  public String passwordAlgorithm;
  public String passwordCiphertext;

  public String imapHost;
  public int imapPort;

  @Enumerated(EnumType.STRING)
  public MailServer.Security imapSecurity;

  public boolean imapTrustAnyCertificate;
  public String smtpHost;
  public int smtpPort;

  @Enumerated(EnumType.STRING)
  public MailServer.Security smtpSecurity;

  public boolean smtpTrustAnyCertificate;

  /** Folder names as a PostgreSQL {@code text[]}; empty means INBOX plus the Sent folder. */
  @JdbcTypeCode(SqlTypes.ARRAY)
  @Column(columnDefinition = "text[]")
  public List<String> folders;

  public String sentFolder;

  @Enumerated(EnumType.STRING)
  public MailboxConfigured.State state;

  public long configVersion;

  /** The transport key that sealed the latest announcement; null before the first. */
  public String announcedTransportKeyId;

  @Enumerated(EnumType.STRING)
  public SyncStatus syncStatus;

  public String syncError;

  /** The last message published without its content because it could not be read, and why. */
  public String lastMessageError;

  public Instant lastSyncAt;

  /** Failed syncs since the last one that succeeded; sets the backoff. */
  public int consecutiveFailures;

  /** No sync is started before this time after a failure; null when none is pending. */
  public Instant nextAttemptAt;

  public Instant createdAt;
  public Instant updatedAt;

  public MailServer imap() {
    return new MailServer(imapHost, imapPort, imapSecurity, imapTrustAnyCertificate);
  }

  public MailServer smtp() {
    return new MailServer(smtpHost, smtpPort, smtpSecurity, smtpTrustAnyCertificate);
  }

  public SealedCredentials sealedPassword() {
    return new SealedCredentials(passwordKeyId, passwordAlgorithm, passwordCiphertext);
  }

  @Override
  public String toString() {
    // No credentials, not even sealed ones.
    return "Mailbox[" + id + " of " + tenantId + "]";
  }
}
