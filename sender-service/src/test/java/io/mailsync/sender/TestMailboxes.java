package io.mailsync.sender;

import static org.awaitility.Awaitility.await;

import io.mailsync.contracts.MessageIdentity;
import io.mailsync.contracts.MessageKey;
import io.mailsync.contracts.mailbox.CredentialSeal;
import io.mailsync.contracts.mailbox.MailServer;
import io.mailsync.contracts.mailbox.MailboxConfigured;
import io.mailsync.contracts.send.EmailAddress;
import io.mailsync.contracts.send.SendEmail;
import io.mailsync.mail.credentials.KeyRing;
import io.mailsync.mail.credentials.TransportCredentials;
import io.mailsync.testkit.kafka.TestTopics;
import io.mailsync.testkit.postgres.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;

/** Mailbox settings and commands as the other services publish them, and the sender's tables. */
final class TestMailboxes {

  /** The key the test profile opens credentials with (see application.properties). */
  static final TransportCredentials SEAL =
      new TransportCredentials(
          KeyRing.of(
              CredentialSeal.fromBase64("dev", "bWFpbHN5bmMtZGV2LW9ubHktc2VhbGluZy1rZXktMzI=")));

  static MailboxConfigured configured(
      String tenant,
      String mailboxId,
      String email,
      MailServer smtp,
      MailServer imap,
      String username,
      String password,
      String sentFolder) {
    return new MailboxConfigured(
        UUID.randomUUID().toString(),
        tenant,
        Instant.now().truncatedTo(ChronoUnit.MILLIS),
        mailboxId,
        "user-1",
        email,
        imap,
        smtp,
        username,
        SEAL.seal(
            password, new TransportCredentials.Binding(tenant, mailboxId, username, imap, smtp)),
        List.of("INBOX"),
        sentFolder,
        MailboxConfigured.State.ACTIVE);
  }

  /** Publishes the settings and waits until the sender has stored them. */
  static void publishAndAwait(MailboxConfigured mailbox) {
    TestTopics.publish(mailbox);
    await()
        .atMost(TestTopics.WAIT)
        .until(
            () ->
                count(
                        "SELECT count(*) FROM sender.mailbox"
                            + " WHERE tenant_id = ? AND mailbox_id = ? AND event_id = ?",
                        mailbox.tenantId(),
                        mailbox.mailboxId(),
                        mailbox.id())
                    == 1);
  }

  static SendEmail command(
      String tenant, String mailboxId, List<String> to, List<String> bcc, String subject) {
    return new SendEmail(
        UUID.randomUUID().toString(),
        tenant,
        Instant.now().truncatedTo(ChronoUnit.MILLIS),
        mailboxId,
        "user-1",
        to.stream().map(a -> new EmailAddress(a, "Customer " + a.substring(0, 3))).toList(),
        List.of(),
        bcc.stream().map(a -> new EmailAddress(a, null)).toList(),
        subject,
        "Hello from Mailsync",
        "<p>Hello from <b>Mailsync</b></p>",
        null,
        List.of());
  }

  /** An attempt left PENDING by a sender that stopped mid-send, long enough ago. */
  static void insertInterruptedAttempt(SendEmail command, String rfcMessageId) throws SQLException {
    try (Connection db = TestDatabase.of(ConfigProvider.getConfig()).connect();
        PreparedStatement insert =
            db.prepareStatement(
                "INSERT INTO sender.send_attempt (command_id, tenant_id, mailbox_id, state,"
                    + " rfc_message_id, message_key, created_at)"
                    + " VALUES (?, ?, ?, 'PENDING', ?, ?, ?)")) {
      Instant createdAt = Instant.now().minus(1, ChronoUnit.HOURS);
      insert.setString(1, command.id());
      insert.setString(2, command.tenantId());
      insert.setString(3, command.mailboxId());
      insert.setString(4, rfcMessageId);
      insert.setString(
          5, MessageKey.of(MessageIdentity.withMessageId(rfcMessageId, null, createdAt)));
      insert.setTimestamp(6, Timestamp.from(createdAt));
      insert.executeUpdate();
    }
  }

  /** The stored settings of a mailbox: event id and sealed ciphertext, or null when absent. */
  static String[] storedMailbox(String tenant, String mailboxId) throws SQLException {
    try (Connection db = TestDatabase.of(ConfigProvider.getConfig()).connect();
        PreparedStatement query =
            db.prepareStatement(
                "SELECT event_id, credentials_ciphertext FROM sender.mailbox"
                    + " WHERE tenant_id = ? AND mailbox_id = ?")) {
      query.setString(1, tenant);
      query.setString(2, mailboxId);
      try (ResultSet rs = query.executeQuery()) {
        return rs.next() ? new String[] {rs.getString(1), rs.getString(2)} : null;
      }
    }
  }

  static String attemptState(String commandId) throws SQLException {
    try (Connection db = TestDatabase.of(ConfigProvider.getConfig()).connect();
        PreparedStatement query =
            db.prepareStatement("SELECT state FROM sender.send_attempt WHERE command_id = ?")) {
      query.setString(1, commandId);
      try (ResultSet rs = query.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  private static long count(String sql, String... parameters) throws SQLException {
    try (Connection db = TestDatabase.of(ConfigProvider.getConfig()).connect();
        PreparedStatement query = db.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        query.setString(i + 1, parameters[i]);
      }
      try (ResultSet rs = query.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private TestMailboxes() {}
}
