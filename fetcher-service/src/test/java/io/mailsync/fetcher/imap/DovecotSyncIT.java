package io.mailsync.fetcher.imap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mailsync.contracts.message.MessageFetched;
import io.mailsync.fetcher.MailboxApi;
import io.mailsync.fetcher.mailbox.SyncStatus;
import io.mailsync.testkit.auth.JwtResource;
import io.mailsync.testkit.auth.TestJwt;
import io.mailsync.testkit.cdc.CdcResource;
import io.mailsync.testkit.kafka.KafkaResource;
import io.mailsync.testkit.kafka.TestTopics;
import io.mailsync.testkit.mail.Dovecot;
import io.mailsync.testkit.mail.ImapClient;
import io.mailsync.testkit.mail.MailAccount;
import io.mailsync.testkit.mail.TestMessage;
import io.mailsync.testkit.postgres.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Sync against Dovecot, a strict IMAP server with SPECIAL-USE folders. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(JwtResource.class)
@WithTestResource(CdcResource.class)
class DovecotSyncIT {

  @Inject MailboxSync sync;

  @BeforeEach
  void requireDovecot() {
    assumeTrue(Dovecot.isInstalled(), Dovecot.notInstalledReason());
  }

  @Test
  void syncsInboxAndTheSentFolderWithoutMarkingAnythingRead() throws Exception {
    Dovecot dovecot = Dovecot.shared();
    MailAccount account =
        dovecot.createAccount("alice-" + UUID.randomUUID() + "@crm.test", "dovecot-pw");
    TestMessage received =
        TestMessage.from("bob@customer.test").to(account.email()).subject("Inbound").text("Hi");
    TestMessage sent =
        TestMessage.from(account.email())
            .to("bob@customer.test")
            .subject("Outbound from another client")
            .text("Hello Bob");
    dovecot.deliver(account, received.toBytes());
    try (ImapClient client = ImapClient.connect(account)) {
      client.append("Sent", sent.toBytes());
    }
    String id = register(account);

    SyncReport report = sync.syncOnce(UUID.fromString(id));

    assertThat(report.status()).as(String.valueOf(report.error())).isEqualTo(SyncStatus.OK);
    List<MessageFetched> copies =
        ImapSyncIT.published(id).stream()
            .map(r -> TestTopics.value(r, MessageFetched.class))
            .toList();
    assertThat(copies)
        .extracting(m -> m.copy().folder() + ": " + m.subject())
        .containsExactlyInAnyOrder("INBOX: Inbound", "Sent: Outbound from another client");
    assertThat(copies).allSatisfy(m -> assertThat(m.copy().uidValidity()).isPositive());
    assertThat(copies).noneMatch(MessageFetched::seen);
    try (ImapClient client = ImapClient.connect(account)) {
      assertThat(client.read("INBOX")).noneMatch(ImapClient.FetchedMail::seen);
    }

    assertThat(sync.syncOnce(UUID.fromString(id)).published()).isZero();
  }

  /**
   * The folders the sender files into on servers without special use (see the sender's
   * DovecotSentFolderIT): INBOX.Sent where every folder lives below INBOX, SENT where that is the
   * only Sent folder. Mail there is synced.
   */
  @ParameterizedTest
  @CsvSource({"INBOX_NAMESPACE, INBOX.Sent", "PLAIN, SENT"})
  void syncsTheSentFolderTheSenderFilesInto(Dovecot.Layout layout, String sentFolder)
      throws Exception {
    Dovecot dovecot = Dovecot.start(layout);
    try {
      MailAccount account =
          dovecot.createAccount("carol-" + UUID.randomUUID() + "@crm.test", "dovecot-pw");
      try (ImapClient client = ImapClient.connect(account)) {
        client.append(
            sentFolder,
            TestMessage.from(account.email())
                .to("bob@customer.test")
                .subject("Filed by the sender")
                .text("Hello Bob")
                .toBytes());
      }
      String id = register(account);

      SyncReport report = sync.syncOnce(UUID.fromString(id));

      assertThat(report.status()).as(String.valueOf(report.error())).isEqualTo(SyncStatus.OK);
      assertThat(ImapSyncIT.published(id))
          .extracting(r -> TestTopics.value(r, MessageFetched.class))
          .extracting(m -> m.copy().folder() + ": " + m.subject())
          .containsExactly(sentFolder + ": Filed by the sender");
    } finally {
      dovecot.stop();
    }
  }

  /** Registers the Dovecot account as a mailbox of a fresh tenant, INBOX and Sent by default. */
  private static String register(MailAccount account) {
    Map<String, Object> request = MailboxApi.request(account.email());
    request.put("username", account.login());
    request.put("password", account.password());
    request.put("imap", MailboxApi.server(account.host(), account.imapPort(), "NONE"));
    return MailboxApi.register(TestJwt.token("tenant-" + UUID.randomUUID(), "user-1"), request);
  }
}
