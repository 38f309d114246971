package io.mailsync.linker.stream;

import static io.mailsync.linker.Fixtures.companyRow;
import static io.mailsync.linker.Fixtures.contactRow;
import static io.mailsync.linker.Fixtures.key;
import static io.mailsync.linker.Fixtures.message;
import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.contracts.EventJson;
import io.mailsync.contracts.EventType;
import io.mailsync.contracts.Topics;
import io.mailsync.contracts.link.Link;
import io.mailsync.contracts.link.LinkRule;
import io.mailsync.contracts.link.LinkTarget;
import io.mailsync.contracts.link.MessageLinked;
import io.mailsync.contracts.link.MessageUnmatched;
import io.mailsync.contracts.message.MessageFetched;
import io.mailsync.linker.Fixtures;
import io.mailsync.linker.LinkerKafkaResource;
import io.mailsync.testkit.contracts.ContractSchemas;
import io.mailsync.testkit.kafka.TestTopics;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/** The linker running against the real broker: topics in, decisions and dead letters out. */
@QuarkusTest
@WithTestResource(LinkerKafkaResource.class)
class LinkerIT {

  @Test
  void directoryEventsAndAMessageOnTheRealTopicsYieldMessageLinkedWithHeaders() throws Exception {
    String tenant = "it-" + UUID.randomUUID();
    Instant longAgo = Instant.now().minus(Duration.ofDays(7));
    String companyId = Fixtures.uuid();
    String contactId = Fixtures.uuid();
    MessageFetched message =
        message(tenant, Instant.now().minusSeconds(60), "buyer@acme-it.example", "me@ourco.com");

    publishDirectoryEvent(
        Topics.DIRECTORY_COMPANIES,
        companyId,
        Fixtures.created(companyRow(companyId, tenant, longAgo, "acme-it.example")));
    publishDirectoryEvent(
        Topics.DIRECTORY_CONTACTS,
        contactId,
        Fixtures.created(
            contactRow(contactId, tenant, companyId, "buyer@acme-it.example", longAgo)));
    TestTopics.publish(message);

    // The directory topics and the messages topic are partitioned apart, so the message may be
    // decided before its contact arrives: then a second decision, after the grace, has both links.
    ConsumerRecord<String, byte[]> record =
        TestTopics.await(
            Topics.LINKS,
            r ->
                message.key().equals(r.key())
                    && new String(r.value(), StandardCharsets.UTF_8).contains(contactId));

    String value = new String(record.value(), StandardCharsets.UTF_8);
    ContractSchemas.assertValid(EventType.MESSAGE_LINKED, value);
    MessageLinked linked = EventJson.mapper().readValue(value, MessageLinked.class);
    assertThat(linked.sourceEventId()).isEqualTo(message.id());
    assertThat(linked.links())
        .containsExactly(
            new Link(new LinkTarget(LinkTarget.Type.CONTACT, contactId), LinkRule.CONTACT_ADDRESS),
            new Link(new LinkTarget(LinkTarget.Type.COMPANY, companyId), LinkRule.COMPANY_DOMAIN));
    Headers headers = record.headers();
    assertThat(TestTopics.header(headers, "ce_specversion")).isEqualTo("1.0");
    assertThat(TestTopics.header(headers, "ce_id")).isEqualTo(linked.id());
    assertThat(TestTopics.header(headers, "ce_type"))
        .isEqualTo(EventType.MESSAGE_LINKED.cloudEventType());
    assertThat(TestTopics.header(headers, "ce_source")).isEqualTo("/mailsync/linker-service");
    assertThat(OffsetDateTime.parse(TestTopics.header(headers, "ce_time")).toInstant())
        .isEqualTo(linked.occurredAt());
    assertThat(TestTopics.header(headers, "content-type")).isEqualTo("application/json");
    assertThat(TestTopics.header(headers, "tenant_id")).isEqualTo(tenant);
  }

  @Test
  void malformedRecordIsDeadLetteredAndTheNextMessageIsStillDecided() throws Exception {
    String brokenKey = "it-broken-" + UUID.randomUUID();
    MessageFetched unknown =
        message("it-" + UUID.randomUUID(), Instant.now(), "stranger@nowhere-it.example");

    byte[] broken = "{\"id\":".getBytes(StandardCharsets.UTF_8);
    RecordHeaders brokenHeaders = new RecordHeaders();
    brokenHeaders.add("ce_id", brokenKey.getBytes(StandardCharsets.UTF_8));
    RecordMetadata brokenAt =
        TestTopics.publishRaw(Topics.MESSAGES, brokenKey, broken, brokenHeaders);
    TestTopics.publish(unknown);

    ConsumerRecord<String, byte[]> dead =
        TestTopics.await(Topics.deadLetter("linker"), r -> brokenKey.equals(r.key()));
    assertThat(dead.value()).as("the original bytes").isEqualTo(broken);
    assertThat(TestTopics.header(dead.headers(), "dead-letter-reason"))
        .startsWith("not a MessageFetched");
    assertThat(TestTopics.header(dead.headers(), "dead-letter-topic")).isEqualTo(Topics.MESSAGES);
    assertThat(TestTopics.header(dead.headers(), "dead-letter-partition"))
        .isEqualTo(Integer.toString(brokenAt.partition()));
    assertThat(TestTopics.header(dead.headers(), "dead-letter-offset"))
        .isEqualTo(Long.toString(brokenAt.offset()));
    assertThat(TestTopics.header(dead.headers(), "ce_id"))
        .as("source header kept")
        .isEqualTo(brokenKey);

    // Unmatched is announced once the (test-short) grace period has passed.
    ConsumerRecord<String, byte[]> decided =
        TestTopics.await(Topics.LINKS, r -> unknown.key().equals(r.key()));
    MessageUnmatched unmatched =
        EventJson.mapper().readValue(decided.value(), MessageUnmatched.class);
    assertThat(unmatched.reason()).isEqualTo(MessageUnmatched.Reason.NO_PARTICIPANT_MATCHED);
    assertThat(TestTopics.header(decided.headers(), "ce_type"))
        .isEqualTo(EventType.MESSAGE_UNMATCHED.cloudEventType());
  }

  private static void publishDirectoryEvent(String topic, String id, String event) {
    TestTopics.publishRaw(topic, key(id), event.getBytes(StandardCharsets.UTF_8));
  }
}
