package io.mailsync.fetcher.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.contracts.EventJson;
import io.mailsync.contracts.Keys;
import io.mailsync.contracts.MessageIdentity;
import io.mailsync.contracts.MessageKey;
import io.mailsync.contracts.Topics;
import io.mailsync.contracts.message.FetchedCopy;
import io.mailsync.contracts.message.MessageBody;
import io.mailsync.contracts.message.MessageFetched;
import io.mailsync.contracts.message.Participant;
import io.mailsync.testkit.auth.JwtResource;
import io.mailsync.testkit.cdc.CdcResource;
import io.mailsync.testkit.kafka.KafkaResource;
import io.mailsync.testkit.kafka.TestTopics;
import io.mailsync.testkit.postgres.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The fetcher starts against the real broker and publishes with CloudEvents headers. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(JwtResource.class)
@WithTestResource(CdcResource.class)
class MessagePublisherIT {

  @Inject MessagePublisher publisher;

  @Test
  void publishesWithBinaryCloudEventHeadersTenantAndKey() throws Exception {
    String tenant = "tenant-" + UUID.randomUUID();
    FetchedCopy copy = new FetchedCopy("mailbox-1", "INBOX", 17, 4711);
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    String messageKey =
        MessageKey.of(
            MessageIdentity.withMessageId("<quote-1@customer.test>", "bob@customer.test", now));
    MessageFetched event =
        new MessageFetched(
            copy.eventId(),
            tenant,
            now,
            copy,
            messageKey,
            "<quote-1@customer.test>",
            null,
            List.of(),
            "Quote",
            now,
            now,
            List.of(new Participant(Participant.Role.FROM, "bob@customer.test", "Bob")),
            new MessageBody("Hello", null, false, false),
            List.of(),
            false,
            null);

    publisher.publish(event).await().atMost(java.time.Duration.ofSeconds(30));

    String key = Keys.message(tenant, messageKey);
    ConsumerRecord<String, byte[]> record =
        TestTopics.await(Topics.MESSAGES, r -> key.equals(r.key()), 1, Duration.ofSeconds(30))
            .getFirst();
    assertThat(TestTopics.header(record, "ce_specversion")).isEqualTo("1.0");
    assertThat(TestTopics.header(record, "ce_id")).isEqualTo(copy.eventId());
    assertThat(TestTopics.header(record, "ce_type")).isEqualTo("io.mailsync.message.fetched.v1");
    assertThat(TestTopics.header(record, "ce_source")).isEqualTo("/mailsync/fetcher-service");
    assertThat(Instant.parse(TestTopics.header(record, "ce_time"))).isEqualTo(now);
    assertThat(TestTopics.header(record, "tenant_id")).isEqualTo(tenant);
    assertThat(EventJson.mapper().readValue(record.value(), MessageFetched.class)).isEqualTo(event);
  }
}
