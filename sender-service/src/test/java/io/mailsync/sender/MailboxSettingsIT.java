package io.mailsync.sender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mailsync.contracts.Keys;
import io.mailsync.contracts.Topics;
import io.mailsync.contracts.mailbox.MailServer;
import io.mailsync.contracts.mailbox.MailboxConfigured;
import io.mailsync.sender.mailbox.MailboxDirectory;
import io.mailsync.sender.mailbox.MailboxSettings;
import io.mailsync.testkit.kafka.KafkaResource;
import io.mailsync.testkit.kafka.TestTopics;
import io.mailsync.testkit.postgres.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The sender's copy of the compacted mailboxes topic: newest settings win, tombstones remove. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
class MailboxSettingsIT {

  private static final MailServer SERVER =
      new MailServer("smtp.example.com", 587, MailServer.Security.STARTTLS, false);

  private final String tenant = "tenant-" + UUID.randomUUID();

  @Inject MailboxDirectory directory;

  @Test
  void theServersAreReadBackAsTheyArrived() throws Throwable {
    String mailboxId = "mailbox-" + UUID.randomUUID();
    MailServer imap = new MailServer("imap.example.com", 993, MailServer.Security.SSL, true);
    TestMailboxes.publishAndAwait(
        TestMailboxes.configured(
            tenant, mailboxId, "jane@seller.test", SERVER, imap, "jane", "pw", "Sent"));

    MailboxSettings stored =
        VertxContextSupport.subscribeAndAwait(() -> directory.find(tenant, mailboxId));
    assertThat(stored.smtp()).isEqualTo(SERVER);
    assertThat(stored.imap()).isEqualTo(imap);
  }

  @Test
  void olderSettingsReplayedLaterDoNotOverwriteNewerOnes() throws Exception {
    String mailboxId = "mailbox-" + UUID.randomUUID();
    MailboxConfigured older = settings(mailboxId, "old-password");
    MailboxConfigured newer =
        withTime(
            settings(mailboxId, "new-password"), older.occurredAt().plus(1, ChronoUnit.MINUTES));

    TestMailboxes.publishAndAwait(newer);
    TestTopics.publish(older);
    // Records are handled in order: once a later one is stored, the older one has been seen.
    TestMailboxes.publishAndAwait(settings("mailbox-" + UUID.randomUUID(), "x"));

    String[] stored = TestMailboxes.storedMailbox(tenant, mailboxId);
    assertThat(stored[0]).isEqualTo(newer.id());
    // Stored sealed, exactly as received.
    assertThat(stored[1])
        .isEqualTo(newer.credentials().ciphertext())
        .doesNotContain("new-password");
  }

  @Test
  void tombstoneRemovesTheMailbox() throws Exception {
    String mailboxId = "mailbox-" + UUID.randomUUID();
    TestMailboxes.publishAndAwait(settings(mailboxId, "pw"));

    TestTopics.publishRaw(Topics.MAILBOXES, Keys.mailbox(tenant, mailboxId), null);

    await()
        .atMost(TestTopics.WAIT)
        .until(() -> TestMailboxes.storedMailbox(tenant, mailboxId) == null);
  }

  private MailboxConfigured settings(String mailboxId, String password) {
    return TestMailboxes.configured(
        tenant, mailboxId, "jane@seller.test", SERVER, SERVER, "jane", password, "Sent");
  }

  private static MailboxConfigured withTime(MailboxConfigured m, java.time.Instant at) {
    return new MailboxConfigured(
        m.id(),
        m.tenantId(),
        at,
        m.mailboxId(),
        m.ownerUserId(),
        m.emailAddress(),
        m.imap(),
        m.smtp(),
        m.username(),
        m.credentials(),
        m.folders(),
        m.sentFolder(),
        m.state());
  }
}
