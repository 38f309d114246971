package io.mailsync.sender.mailbox;

import io.mailsync.contracts.mailbox.MailServer;
import io.mailsync.contracts.mailbox.SealedCredentials;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The latest settings of one mailbox as the sender needs them. The password stays sealed exactly as
 * it arrived on the mailboxes topic; {@link #toString()} never shows it. Only {@link
 * MailboxDirectory} writes the rows (an upsert in SQL), so the columns that only order or document
 * the records it applies ({@code event_id}, {@code configured_at}, {@code state}, {@code
 * updated_at}) have no field here.
 */
@Entity
@Table(name = "mailbox")
public class MailboxSettings {

  /** The Kafka key of the mailbox ({@code tenant/mailbox}), so a tombstone can remove it. */
  @Id
  @Column(name = "mailbox_key")
  public String mailboxKey;

  @Column(name = "tenant_id")
  public String tenantId;

  @Column(name = "mailbox_id")
  public String mailboxId;

  /** Only this user may send from the mailbox. */
  @Column(name = "owner_user_id")
  public String ownerUserId;

  @Column(name = "email_address")
  public String emailAddress;

  @Column(name = "smtp_host")
  public String smtpHost;

  @Column(name = "smtp_port")
  public Integer smtpPort;

  @Column(name = "smtp_security")
  @Enumerated(EnumType.STRING)
  public MailServer.Security smtpSecurity;

  @Column(name = "smtp_trust_any_cert")
  public boolean smtpTrustAnyCertificate;

  @Column(name = "imap_host")
  public String imapHost;

  @Column(name = "imap_port")
  public Integer imapPort;

  @Column(name = "imap_security")
  @Enumerated(EnumType.STRING)
  public MailServer.Security imapSecurity;

  @Column(name = "imap_trust_any_cert")
  public boolean imapTrustAnyCertificate;

  public String username;

  @Column(name = "credentials_key_id")
  public String credentialsKeyId;

  @Column(name = "credentials_algorithm")
  public String credentialsAlgorithm;

  @Column(name = "credentials_ciphertext")
  public String credentialsCiphertext;

  @Column(name = "sent_folder")
  public String sentFolder;

  /** The SMTP server, or null when the mailbox has none configured. */
  public MailServer smtp() {
    return server(smtpHost, smtpPort, smtpSecurity, smtpTrustAnyCertificate);
  }

  /** The IMAP server, or null when the mailbox has none configured. */
  public MailServer imap() {
    return server(imapHost, imapPort, imapSecurity, imapTrustAnyCertificate);
  }

  public SealedCredentials credentials() {
    if (credentialsCiphertext == null) {
      return null;
    }
    return new SealedCredentials(credentialsKeyId, credentialsAlgorithm, credentialsCiphertext);
  }

  private static MailServer server(
      String host, Integer port, MailServer.Security security, boolean trustAny) {
    if (host == null || port == null) {
      return null;
    }
    return new MailServer(host, port, security, trustAny);
  }

  @Override
  public String toString() {
    return "MailboxSettings[" + mailboxKey + ", " + emailAddress + "]";
  }
}
