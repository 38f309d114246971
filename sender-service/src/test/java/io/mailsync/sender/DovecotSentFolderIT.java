package io.mailsync.sender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mailsync.contracts.Topics;
import io.mailsync.contracts.mailbox.MailServer;
import io.mailsync.contracts.send.EmailSent;
import io.mailsync.contracts.send.SendEmail;
import io.mailsync.testkit.kafka.KafkaResource;
import io.mailsync.testkit.kafka.TestTopics;
import io.mailsync.testkit.mail.Dovecot;
import io.mailsync.testkit.mail.GreenMailServer;
import io.mailsync.testkit.mail.ImapClient;
import io.mailsync.testkit.mail.ImapClient.FetchedMail;
import io.mailsync.testkit.mail.MailAccount;
import io.mailsync.testkit.postgres.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Filing against a strict IMAP server: Dovecot marks its Sent folder {@code \Sent}. Dovecot has no
 * SMTP, so the mailbox sends through GreenMail and files into Dovecot, as a mailbox whose SMTP and
 * IMAP live on different servers does.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
class DovecotSentFolderIT {

  private final String tenant = "tenant-" + UUID.randomUUID();
  private final String run = UUID.randomUUID().toString().substring(0, 8);

  private MailAccount imapAccount;
  private MailAccount recipient;

  @BeforeEach
  void accounts() {
    assumeTrue(Dovecot.isInstalled(), Dovecot.notInstalledReason());
    String email = "jane-" + run + "@seller.test";
    String password = "pw-" + run;
    imapAccount = Dovecot.shared().createAccount(email, password);
    GreenMailServer.shared().createAccount(email, password);
    recipient = GreenMailServer.shared().createAccount("bob-" + run + "@customer.test", "pw");
  }

  @Test
  void copyLandsInTheFolderDovecotMarksSent() throws Exception {
    String sentFolder = specialUseSentFolder();
    String mailboxId = "mailbox-" + UUID.randomUUID();
    TestMailboxes.publishAndAwait(mailbox(mailboxId, null));
    SendEmail command =
        TestMailboxes.command(tenant, mailboxId, List.of(recipient.email()), List.of(), "Filed");
    String messageId = "<" + command.id() + "@seller.test>";

    TestTopics.publish(command);

    EmailSent sent = TestTopics.value(outcome(command), EmailSent.class);
    assertThat(sent.sentFolder()).isEqualTo(sentFolder);
    try (ImapClient imap = ImapClient.connect(imapAccount)) {
      assertThat(imap.read(sentFolder))
          .singleElement()
          .satisfies(
              copy -> {
                assertThat(copy.messageId()).isEqualTo(messageId);
                assertThat(copy.seen()).isTrue();
              });
    }
    try (ImapClient imap = ImapClient.connect(recipient)) {
      assertThat(imap.read("INBOX")).extracting(FetchedMail::messageId).containsExactly(messageId);
    }
  }

  @Test
  void configuredFolderIsCreatedAndUsed() throws Exception {
    String mailboxId = "mailbox-" + UUID.randomUUID();
    TestMailboxes.publishAndAwait(mailbox(mailboxId, "Outgoing/CRM"));
    SendEmail command =
        TestMailboxes.command(tenant, mailboxId, List.of(recipient.email()), List.of(), "Custom");

    TestTopics.publish(command);

    EmailSent sent = TestTopics.value(outcome(command), EmailSent.class);
    assertThat(sent.sentFolder()).isEqualTo("Outgoing/CRM");
    try (ImapClient imap = ImapClient.connect(imapAccount)) {
      assertThat(imap.read("Outgoing/CRM"))
          .extracting(FetchedMail::messageId)
          .containsExactly("<" + command.id() + "@seller.test>");
    }
  }

  /**
   * Servers without special use: where every folder lives below INBOX, the copy goes to INBOX.Sent
   * (created); where the only Sent folder is SENT, into it. These are the folders the fetcher syncs
   * (its DovecotSyncIT), since both ask the mail kernel's SentFolders.
   */
  @ParameterizedTest
  @CsvSource({"INBOX_NAMESPACE, , INBOX.Sent", "PLAIN, SENT, SENT"})
  void copyLandsInTheFolderTheFetcherSyncs(
      Dovecot.Layout layout, String existingFolder, String expectedFolder) throws Exception {
    Dovecot dovecot = Dovecot.start(layout);
    try {
      imapAccount = dovecot.createAccount("jane-" + run + "@seller.test", "pw-" + run);
      if (existingFolder != null) {
        try (ImapClient imap = ImapClient.connect(imapAccount)) {
          imap.createFolder(existingFolder);
        }
      }
      String mailboxId = "mailbox-" + UUID.randomUUID();
      TestMailboxes.publishAndAwait(mailbox(mailboxId, null));
      SendEmail command =
          TestMailboxes.command(tenant, mailboxId, List.of(recipient.email()), List.of(), "Kept");

      TestTopics.publish(command);

      EmailSent sent = TestTopics.value(outcome(command), EmailSent.class);
      assertThat(sent.sentFolder()).isEqualTo(expectedFolder);
      try (ImapClient imap = ImapClient.connect(imapAccount)) {
        assertThat(imap.read(expectedFolder))
            .extracting(FetchedMail::messageId)
            .containsExactly("<" + command.id() + "@seller.test>");
      }
    } finally {
      dovecot.stop();
    }
  }

  /** The folder Dovecot lists with the \Sent attribute, read independently of the sender. */
  private String specialUseSentFolder() throws Exception {
    Store store = Session.getInstance(new Properties()).getStore("imap");
    store.connect(
        imapAccount.host(), imapAccount.imapPort(), imapAccount.login(), imapAccount.password());
    try {
      for (Folder folder : store.getDefaultFolder().list("*")) {
        if (Arrays.asList(((IMAPFolder) folder).getAttributes()).contains("\\Sent")) {
          return folder.getFullName();
        }
      }
      throw new AssertionError("Dovecot lists no \\Sent folder");
    } finally {
      store.close();
    }
  }

  private io.mailsync.contracts.mailbox.MailboxConfigured mailbox(
      String mailboxId, String sentFolder) {
    GreenMailServer greenMail = GreenMailServer.shared();
    MailServer smtp =
        new MailServer(greenMail.host(), greenMail.smtpPort(), MailServer.Security.NONE, false);
    MailServer imap =
        new MailServer(imapAccount.host(), imapAccount.imapPort(), MailServer.Security.NONE, false);
    return TestMailboxes.configured(
        tenant,
        mailboxId,
        imapAccount.email(),
        smtp,
        imap,
        imapAccount.login(),
        imapAccount.password(),
        sentFolder);
  }

  private static org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]> outcome(
      SendEmail command) {
    String commandField = "\"commandId\":\"" + command.id() + "\"";
    return TestTopics.await(Topics.SENT, r -> TestTopics.text(r).contains(commandField), 1)
        .getFirst();
  }
}
