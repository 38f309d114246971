package io.mailsync.fetcher.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mailsync.contracts.Keys;
import io.mailsync.contracts.Topics;
import io.mailsync.fetcher.MailboxApi;
import io.mailsync.testkit.auth.JwtResource;
import io.mailsync.testkit.auth.TestJwt;
import io.mailsync.testkit.cdc.CdcResource;
import io.mailsync.testkit.kafka.DeadLetters;
import io.mailsync.testkit.kafka.DeadLetters.Published;
import io.mailsync.testkit.kafka.KafkaResource;
import io.mailsync.testkit.postgres.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Mailboxes reach this replica through its group's partitions of the mailboxes topic. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(JwtResource.class)
@WithTestResource(CdcResource.class)
class MailboxAssignmentIT {

  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @Inject MailboxAssignments assignments;

  @Test
  void aPoisonRecordGoesToTheDeadLetterTopicAndAssignmentGoesOn() {
    Published poison =
        DeadLetters.publish(
            Topics.MAILBOXES,
            "tenant-x/" + UUID.randomUUID(),
            "{not json".getBytes(StandardCharsets.UTF_8),
            Map.of("ce_id", UUID.randomUUID().toString(), "tenant_id", "tenant-x"));
    String tenant = "tenant-" + UUID.randomUUID();
    String id =
        MailboxApi.register(TestJwt.token(tenant, "user-1"), MailboxApi.request("a@crm.test"));

    await()
        .atMost(PATIENCE)
        .untilAsserted(() -> assertThat(assignments.active()).contains(UUID.fromString(id)));
    assertThat(DeadLetters.awaitReason(Topics.deadLetter("fetcher"), poison, PATIENCE))
        .contains("not a MailboxConfigured");
  }

  @Test
  void aMailboxRecordThatNamesNoUsableMailboxIsDeadLetteredAsItWasRead() {
    String tenant = "tenant-" + UUID.randomUUID();
    String json =
        "{\"id\":\"e-1\",\"tenantId\":\""
            + tenant
            + "\",\"occurredAt\":\"2026-01-01T00:00:00Z\",\"mailboxId\":\"not-a-uuid\","
            + "\"emailAddress\":\"a@crm.test\",\"state\":  \"ACTIVE\"}";
    Published rejected =
        DeadLetters.publish(
            Topics.MAILBOXES,
            Keys.mailbox(tenant, "not-a-uuid"),
            json.getBytes(StandardCharsets.UTF_8),
            Map.of("ce_id", "e-1", "tenant_id", tenant));

    assertThat(DeadLetters.awaitReason(Topics.deadLetter("fetcher"), rejected, PATIENCE))
        .contains("not a UUID");
  }
}
