package io.mailsync.sender;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.contracts.Keys;
import io.mailsync.contracts.MessageIdentity;
import io.mailsync.contracts.MessageKey;
import io.mailsync.contracts.Topics;
import io.mailsync.contracts.mailbox.MailServer;
import io.mailsync.contracts.mailbox.MailboxConfigured;
import io.mailsync.contracts.send.EmailSendFailed;
import io.mailsync.contracts.send.EmailSent;
import io.mailsync.contracts.send.SendEmail;
import io.mailsync.testkit.kafka.DeadLetters;
import io.mailsync.testkit.kafka.DeadLetters.Published;
import io.mailsync.testkit.kafka.KafkaResource;
import io.mailsync.testkit.kafka.TestTopics;
import io.mailsync.testkit.mail.GreenMailServer;
import io.mailsync.testkit.mail.ImapClient;
import io.mailsync.testkit.mail.ImapClient.FetchedMail;
import io.mailsync.testkit.mail.MailAccount;
import io.mailsync.testkit.mail.TestMessage;
import io.mailsync.testkit.postgres.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The sender against real Kafka, PostgreSQL and GreenMail: mailbox settings and commands arrive on
 * their topics, mail goes out over SMTP, the copy lands in Sent over IMAP, outcomes come back.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
class SendEmailIT {

  private static final GreenMailServer GREENMAIL = GreenMailServer.shared();

  private final String tenant = "tenant-" + UUID.randomUUID();
  private final String mailboxId = "mailbox-" + UUID.randomUUID();
  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final MailAccount sender =
      GREENMAIL.createAccount("jane-" + run + "@seller.test", "pw-" + run);
  private final MailAccount customer =
      GREENMAIL.createAccount("bob-" + run + "@customer.test", "pw");
  private final MailAccount partner = GREENMAIL.createAccount("eve-" + run + "@partner.test", "pw");

  @Test
  void sendsOnceFilesInSentAndAnswersEveryDeliveryWithTheSameOutcome() throws Exception {
    TestMailboxes.publishAndAwait(mailbox(sender.password()));
    SendEmail command =
        TestMailboxes.command(
            tenant, mailboxId, List.of(customer.email()), List.of(partner.email()), "Quote 42");
    String messageId = "<" + command.id() + "@seller.test>";

    TestTopics.publish(command);

    ConsumerRecord<String, byte[]> record = outcomes(command, 1).getFirst();
    assertThat(TestTopics.header(record, "ce_type")).isEqualTo("io.mailsync.email.sent.v1");
    assertThat(TestTopics.header(record, "ce_source")).isEqualTo("/mailsync/sender-service");
    assertThat(TestTopics.header(record, "ce_specversion")).isEqualTo("1.0");
    assertThat(TestTopics.header(record, "tenant_id")).isEqualTo(tenant);
    assertThat(record.key()).isEqualTo(Keys.mailbox(tenant, mailboxId));
    EmailSent sent = TestTopics.value(record, EmailSent.class);
    assertThat(TestTopics.header(record, "ce_id")).isEqualTo(sent.id());
    assertThat(sent.commandId()).isEqualTo(command.id());
    assertThat(sent.tenantId()).isEqualTo(tenant);
    assertThat(sent.mailboxId()).isEqualTo(mailboxId);
    assertThat(sent.rfcMessageId()).isEqualTo(messageId);
    assertThat(sent.sentFolder()).isEqualTo("Sent");

    assertThat(inbox(customer)).extracting(FetchedMail::messageId).containsExactly(messageId);
    assertThat(inbox(partner)).extracting(FetchedMail::messageId).containsExactly(messageId);
    FetchedMail received = inbox(customer).getFirst();
    assertThat(received.subject()).isEqualTo("Quote 42");
    assertThat(received.from()).isEqualTo(sender.email());
    try (ImapClient imap = ImapClient.connect(sender)) {
      assertThat(imap.read("Sent"))
          .singleElement()
          .satisfies(
              copy -> {
                assertThat(copy.messageId()).isEqualTo(messageId);
                assertThat(copy.subject()).isEqualTo("Quote 42");
                assertThat(copy.seen()).isTrue();
                // the key the fetcher computes when it syncs this copy from Sent
                assertThat(sent.messageKey())
                    .isEqualTo(
                        MessageKey.of(
                            MessageIdentity.withMessageId(
                                messageId, sender.email(), copy.sentAt())));
              });
    }

    // Redelivered (a consumer restart, a replay): answered again, never sent again.
    TestTopics.publish(command);

    List<ConsumerRecord<String, byte[]>> both = outcomes(command, 2);
    assertThat(both.get(1).value()).isEqualTo(both.get(0).value());
    assertThat(TestTopics.header(both.get(1), "ce_id")).isEqualTo(sent.id());
    assertThat(inbox(customer)).hasSize(1);
    assertThat(inbox(partner)).hasSize(1);
    try (ImapClient imap = ImapClient.connect(sender)) {
      assertThat(imap.read("Sent")).hasSize(1);
    }
  }

  @Test
  void recipientCopyHasNoBccHeader() throws Exception {
    TestMailboxes.publishAndAwait(mailbox(sender.password()));
    SendEmail command =
        TestMailboxes.command(
            tenant, mailboxId, List.of(customer.email()), List.of(partner.email()), "Hidden");

    TestTopics.publish(command);
    outcomes(command, 1);

    String raw = rawInboxMessage(customer);
    assertThat(raw).contains("Message-ID: <" + command.id() + "@seller.test>");
    assertThat(raw).doesNotContain(partner.email());
  }

  @Test
  void wrongPasswordFailsWithAReadableReasonThatHoldsNoPassword() throws Exception {
    String wrongPassword = "wrong-" + UUID.randomUUID();
    TestMailboxes.publishAndAwait(mailbox(wrongPassword));
    SendEmail command =
        TestMailboxes.command(tenant, mailboxId, List.of(customer.email()), List.of(), "Nope");

    TestTopics.publish(command);

    ConsumerRecord<String, byte[]> record = outcomes(command, 1).getFirst();
    assertThat(TestTopics.header(record, "ce_type")).isEqualTo("io.mailsync.email.send-failed.v1");
    EmailSendFailed failed = TestTopics.value(record, EmailSendFailed.class);
    assertThat(failed.reason()).startsWith("SMTP login refused by 127.0.0.1");
    assertThat(failed.permanent()).isTrue();
    assertThat(TestTopics.text(record)).doesNotContain(wrongPassword);
    assertThat(inbox(customer)).isEmpty();
  }

  @Test
  void unknownMailboxFailsPermanently() {
    SendEmail command =
        TestMailboxes.command(
            tenant, "never-configured", List.of(customer.email()), List.of(), "Lost");

    TestTopics.publish(command);

    EmailSendFailed failed =
        TestTopics.value(outcomes(command, 1).getFirst(), EmailSendFailed.class);
    assertThat(failed.permanent()).isTrue();
    assertThat(failed.reason())
        .startsWith("mailbox never-configured is unknown to tenant " + tenant);
    assertThat(failed.mailboxId()).isEqualTo("never-configured");
  }

  @Test
  void anotherTenantsMailboxIsNotUsed() throws Exception {
    TestMailboxes.publishAndAwait(mailbox(sender.password()));
    String otherTenant = "tenant-" + UUID.randomUUID();
    SendEmail command =
        TestMailboxes.command(otherTenant, mailboxId, List.of(customer.email()), List.of(), "Hi");

    TestTopics.publish(command);

    ConsumerRecord<String, byte[]> record = outcomes(command, 1).getFirst();
    EmailSendFailed failed = TestTopics.value(record, EmailSendFailed.class);
    assertThat(failed.permanent()).isTrue();
    assertThat(failed.reason()).contains("unknown to tenant " + otherTenant);
    assertThat(TestTopics.header(record, "tenant_id")).isEqualTo(otherTenant);
    assertThat(inbox(customer)).isEmpty();
  }

  @Test
  void aColleaguesMailboxIsNotUsed() throws Exception {
    TestMailboxes.publishAndAwait(mailbox(sender.password()));
    SendEmail own =
        TestMailboxes.command(tenant, mailboxId, List.of(customer.email()), List.of(), "Hi");
    SendEmail colleagues =
        new SendEmail(
            own.id(),
            own.tenantId(),
            own.occurredAt(),
            own.mailboxId(),
            "user-2",
            own.to(),
            own.cc(),
            own.bcc(),
            own.subject(),
            own.textBody(),
            own.htmlBody(),
            own.inReplyTo(),
            own.references());

    TestTopics.publish(colleagues);

    EmailSendFailed failed =
        TestTopics.value(outcomes(colleagues, 1).getFirst(), EmailSendFailed.class);
    assertThat(failed.permanent()).isTrue();
    assertThat(failed.reason()).contains("belongs to another user");
    assertThat(inbox(customer)).isEmpty();
  }

  @Test
  void interruptedSendFoundInSentCountsAsSentWithoutSendingAgain() throws Exception {
    TestMailboxes.publishAndAwait(mailbox(sender.password()));
    SendEmail command =
        TestMailboxes.command(tenant, mailboxId, List.of(customer.email()), List.of(), "Resumed");
    String messageId = "<" + command.id() + "@seller.test>";
    // The previous run got as far as filing the copy, then stopped before recording it.
    try (ImapClient imap = ImapClient.connect(sender)) {
      imap.append(
          "Sent",
          TestMessage.from(sender.email())
              .to(customer.email())
              .subject("Resumed")
              .messageId(messageId)
              .text("Hello")
              .toBytes());
    }
    TestMailboxes.insertInterruptedAttempt(command, messageId);

    TestTopics.publish(command);

    EmailSent sent = TestTopics.value(outcomes(command, 1).getFirst(), EmailSent.class);
    assertThat(sent.rfcMessageId()).isEqualTo(messageId);
    assertThat(sent.sentFolder()).isEqualTo("Sent");
    assertThat(inbox(customer)).isEmpty();
    assertThat(TestMailboxes.attemptState(command.id())).isEqualTo("SENT");
  }

  @Test
  void interruptedSendNotFoundInSentFailsWithoutSendingAgain() throws Exception {
    TestMailboxes.publishAndAwait(mailbox(sender.password()));
    SendEmail command =
        TestMailboxes.command(tenant, mailboxId, List.of(customer.email()), List.of(), "Lost");
    TestMailboxes.insertInterruptedAttempt(command, "<" + command.id() + "@seller.test>");

    TestTopics.publish(command);

    EmailSendFailed failed =
        TestTopics.value(outcomes(command, 1).getFirst(), EmailSendFailed.class);
    assertThat(failed.reason())
        .isEqualTo(
            "interrupted before the outcome was known; not retried to avoid a duplicate send");
    assertThat(failed.permanent()).isFalse();
    assertThat(inbox(customer)).isEmpty();
  }

  @Test
  void unparsableCommandGoesToTheDeadLetterTopicAndTheNextOneIsServed() throws Exception {
    String key = Keys.mailbox(tenant, mailboxId);
    byte[] garbage = ("{not json " + run).getBytes(StandardCharsets.UTF_8);
    Published poison =
        DeadLetters.publish(
            Topics.SEND_COMMANDS, key, garbage, Map.of("ce_id", run, "tenant_id", tenant));
    TestMailboxes.publishAndAwait(mailbox(sender.password()));
    SendEmail next =
        TestMailboxes.command(tenant, mailboxId, List.of(customer.email()), List.of(), "After");
    TestTopics.publish(next);

    assertThat(DeadLetters.awaitReason(Topics.deadLetter("sender"), poison, TestTopics.WAIT))
        .contains("not a SendEmail");
    assertThat(TestTopics.value(outcomes(next, 1).getFirst(), EmailSent.class).commandId())
        .isEqualTo(next.id());
  }

  @Test
  void aCommandThatCannotBeAnsweredAndUnusableSettingsAreDeadLetteredAsTheyWereRead() {
    String commandJson = "{\"id\":\"" + run + "\",  \"tenantId\":\"" + tenant + "\"}";
    Published command =
        DeadLetters.publish(
            Topics.SEND_COMMANDS,
            Keys.mailbox(tenant, mailboxId),
            commandJson.getBytes(StandardCharsets.UTF_8),
            Map.of("ce_id", run, "tenant_id", tenant));
    String settingsJson =
        "{\"id\":\""
            + run
            + "\",\"tenantId\":\""
            + tenant
            + "\",\"mailboxId\":\""
            + mailboxId
            + "\"}";
    Published settings =
        DeadLetters.publish(
            Topics.MAILBOXES,
            Keys.mailbox(tenant, mailboxId),
            settingsJson.getBytes(StandardCharsets.UTF_8),
            Map.of("ce_id", run, "tenant_id", tenant));

    assertThat(DeadLetters.awaitReason(Topics.deadLetter("sender"), command, TestTopics.WAIT))
        .isEqualTo("SendEmail without occurredAt, mailboxId, requestedBy");
    assertThat(DeadLetters.awaitReason(Topics.deadLetter("sender"), settings, TestTopics.WAIT))
        .isEqualTo("MailboxConfigured without occurredAt, emailAddress, state");
  }

  private MailboxConfigured mailbox(String password) {
    MailServer smtp =
        new MailServer(GREENMAIL.host(), GREENMAIL.smtpPort(), MailServer.Security.NONE, false);
    MailServer imap =
        new MailServer(GREENMAIL.host(), GREENMAIL.imapPort(), MailServer.Security.NONE, false);
    return TestMailboxes.configured(
        tenant, mailboxId, sender.email(), smtp, imap, sender.login(), password, null);
  }

  private static List<ConsumerRecord<String, byte[]>> outcomes(SendEmail command, int count) {
    String commandField = "\"commandId\":\"" + command.id() + "\"";
    return TestTopics.await(Topics.SENT, r -> TestTopics.text(r).contains(commandField), count);
  }

  private static List<FetchedMail> inbox(MailAccount account) throws Exception {
    try (ImapClient imap = ImapClient.connect(account)) {
      return imap.read("INBOX");
    }
  }

  /** The one message in an account's INBOX, exactly as the server stores it. */
  private static String rawInboxMessage(MailAccount account) throws Exception {
    Properties props = new Properties();
    props.put("mail.imap.connectiontimeout", "10000");
    props.put("mail.imap.timeout", "30000");
    Store store = Session.getInstance(props).getStore("imap");
    store.connect(account.host(), account.imapPort(), account.login(), account.password());
    try {
      Folder inbox = store.getFolder("INBOX");
      inbox.open(Folder.READ_ONLY);
      try {
        assertThat(inbox.getMessageCount()).isEqualTo(1);
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        inbox.getMessage(1).writeTo(raw);
        return raw.toString(StandardCharsets.UTF_8);
      } finally {
        inbox.close(false);
      }
    } finally {
      store.close();
    }
  }
}
