package io.mailsync.fetcher.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mailsync.contracts.Topics;
import io.mailsync.fetcher.MailboxApi;
import io.mailsync.testkit.auth.JwtResource;
import io.mailsync.testkit.auth.TestJwt;
import io.mailsync.testkit.cdc.CdcResource;
import io.mailsync.testkit.kafka.KafkaResource;
import io.mailsync.testkit.kafka.TestTopics;
import io.mailsync.testkit.postgres.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
  void aPoisonRecordGoesToTheDeadLetterTopicAndAssignmentGoesOn() throws Exception {
    String poisonKey = "tenant-x/" + UUID.randomUUID();
    TestTopics.publishRaw(
        Topics.MAILBOXES, poisonKey, "{not json".getBytes(StandardCharsets.UTF_8));
    String tenant = "tenant-" + UUID.randomUUID();
    String id =
        MailboxApi.register(TestJwt.token(tenant, "user-1"), MailboxApi.request("a@crm.test"));

    await()
        .atMost(PATIENCE)
        .untilAsserted(() -> assertThat(assignments.active()).contains(UUID.fromString(id)));
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () ->
                assertThat(TestTopics.readAll(Topics.deadLetter("fetcher")))
                    .anySatisfy(
                        r -> {
                          assertThat(r.key()).isEqualTo(poisonKey);
                          assertThat(new String(r.value(), StandardCharsets.UTF_8))
                              .isEqualTo("{not json");
                          assertThat(TestTopics.header(r, "dead-letter-reason"))
                              .contains("not a MailboxConfigured");
                        }));
  }
}
