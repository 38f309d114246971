package io.mailsync.sender.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailsync.contracts.mailbox.CredentialSeal;
import io.mailsync.contracts.mailbox.MailServer;
import io.mailsync.contracts.mailbox.SealedCredentials;
import io.mailsync.mail.credentials.KeyRing;
import io.mailsync.mail.credentials.TransportCredentials;
import io.mailsync.sender.mailbox.MailboxSettings;
import org.junit.jupiter.api.Test;

class MailboxCredentialsTest {

  private static final String KEY = "bWFpbHN5bmMtZGV2LW9ubHktc2VhbGluZy1rZXktMzI=";
  private static final MailServer SMTP =
      new MailServer("smtp.example.com", 587, MailServer.Security.STARTTLS, false);
  private static final MailServer IMAP =
      new MailServer("imap.example.com", 993, MailServer.Security.SSL, false);

  private final TransportCredentials transport =
      new TransportCredentials(KeyRing.of(CredentialSeal.fromBase64("k1", KEY)));
  private final MailboxCredentials credentials = new MailboxCredentials(transport);

  @Test
  void opensWhatTheFetcherSealedForThisMailbox() {
    MailboxSettings mailbox = mailbox("t1", "m1", "smtp.example.com");
    store(mailbox, sealed("t1", "m1"));

    assertThat(credentials.open(mailbox)).isEqualTo("s3cret");
  }

  @Test
  void credentialsOfAnotherMailboxOrServerDoNotOpenAndTheReasonHoldsNoSecret() {
    MailboxSettings otherTenant = mailbox("t2", "m1", "smtp.example.com");
    store(otherTenant, sealed("t1", "m1"));
    MailboxSettings otherServer = mailbox("t1", "m1", "smtp.attacker.test");
    store(otherServer, sealed("t1", "m1"));

    for (MailboxSettings moved : new MailboxSettings[] {otherTenant, otherServer}) {
      assertThatThrownBy(() -> credentials.open(moved))
          .isInstanceOf(MailboxCredentials.CredentialsUnavailable.class)
          .hasMessageContaining("mailbox m1")
          .hasMessageNotContaining("s3cret");
    }
  }

  @Test
  void aMailboxWithoutCredentialsSaysSo() {
    assertThatThrownBy(() -> credentials.open(mailbox("t1", "m1", "smtp.example.com")))
        .isInstanceOf(MailboxCredentials.CredentialsUnavailable.class)
        .hasMessageContaining("has no credentials");
  }

  private SealedCredentials sealed(String tenant, String mailboxId) {
    return transport.seal(
        "s3cret", new TransportCredentials.Binding(tenant, mailboxId, "ann", IMAP, SMTP));
  }

  private static MailboxSettings mailbox(String tenant, String mailboxId, String smtpHost) {
    MailboxSettings mailbox = new MailboxSettings();
    mailbox.tenantId = tenant;
    mailbox.mailboxId = mailboxId;
    mailbox.username = "ann";
    mailbox.smtpHost = smtpHost;
    mailbox.smtpPort = SMTP.port();
    mailbox.smtpSecurity = SMTP.security();
    mailbox.imapHost = IMAP.host();
    mailbox.imapPort = IMAP.port();
    mailbox.imapSecurity = IMAP.security();
    return mailbox;
  }

  private static void store(MailboxSettings mailbox, SealedCredentials sealed) {
    mailbox.credentialsKeyId = sealed.keyId();
    mailbox.credentialsAlgorithm = sealed.algorithm();
    mailbox.credentialsCiphertext = sealed.ciphertext();
  }
}
