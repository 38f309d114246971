package io.mailsync.linker.stream;

import static io.mailsync.linker.Fixtures.companyRow;
import static io.mailsync.linker.Fixtures.contactRow;
import static io.mailsync.linker.Fixtures.json;
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
import io.mailsync.testkit.kafka.KafkaBroker;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The linker running against the real broker: topics in, decisions and dead letters out. */
@QuarkusTest
@QuarkusTestResource(LinkerKafkaResource.class)
class LinkerIT {

  private static final Duration WAIT = Duration.ofSeconds(60);

  @Test
  void directoryEventsAndAMessageOnTheRealTopicsYieldMessageLinkedWithHeaders() throws Exception {
    String tenant = "it-" + UUID.randomUUID();
    Instant longAgo = Instant.now().minus(Duration.ofDays(7));
    String companyId = Fixtures.uuid();
    String contactId = Fixtures.uuid();
    MessageFetched message =
        message(tenant, Instant.now().minusSeconds(60), "buyer@acme-it.example", "me@ourco.com");

    try (KafkaProducer<String, byte[]> producer = producer()) {
      producer.send(
          directoryEvent(
              Topics.DIRECTORY_COMPANIES,
              companyId,
              Fixtures.created(companyRow(companyId, tenant, longAgo, "acme-it.example"))));
      producer.send(
          directoryEvent(
              Topics.DIRECTORY_CONTACTS,
              contactId,
              Fixtures.created(
                  contactRow(contactId, tenant, companyId, "buyer@acme-it.example", longAgo))));
      producer.flush();
      producer.send(new ProducerRecord<>(Topics.MESSAGES, message.key(), json(message))).get();
    }

    // The directory topics and the messages topic are partitioned apart, so the message may be
    // decided before its contact arrives: then a second decision, after the grace, has both links.
    ConsumerRecord<String, byte[]> record =
        awaitRecord(
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
    assertThat(header(headers, "ce_specversion")).isEqualTo("1.0");
    assertThat(header(headers, "ce_id")).isEqualTo(linked.id());
    assertThat(header(headers, "ce_type")).isEqualTo(EventType.MESSAGE_LINKED.cloudEventType());
    assertThat(header(headers, "ce_source")).isEqualTo("/mailsync/linker-service");
    assertThat(OffsetDateTime.parse(header(headers, "ce_time")).toInstant())
        .isEqualTo(linked.occurredAt());
    assertThat(header(headers, "content-type")).isEqualTo("application/json");
    assertThat(header(headers, "tenant_id")).isEqualTo(tenant);
  }

  @Test
  void malformedRecordIsDeadLetteredAndTheNextMessageIsStillDecided() throws Exception {
    String brokenKey = "it-broken-" + UUID.randomUUID();
    MessageFetched unknown =
        message("it-" + UUID.randomUUID(), Instant.now(), "stranger@nowhere-it.example");

    byte[] broken = "{\"id\":".getBytes(StandardCharsets.UTF_8);
    RecordMetadata brokenAt;
    try (KafkaProducer<String, byte[]> producer = producer()) {
      ProducerRecord<String, byte[]> record =
          new ProducerRecord<>(Topics.MESSAGES, brokenKey, broken);
      record.headers().add("ce_id", brokenKey.getBytes(StandardCharsets.UTF_8));
      brokenAt = producer.send(record).get();
      producer.send(new ProducerRecord<>(Topics.MESSAGES, unknown.key(), json(unknown))).get();
    }

    ConsumerRecord<String, byte[]> dead =
        awaitRecord(Topics.deadLetter("linker"), r -> brokenKey.equals(r.key()));
    assertThat(dead.value()).as("the original bytes").isEqualTo(broken);
    assertThat(header(dead.headers(), "dead-letter-reason")).startsWith("not a MessageFetched");
    assertThat(header(dead.headers(), "dead-letter-topic")).isEqualTo(Topics.MESSAGES);
    assertThat(header(dead.headers(), "dead-letter-partition"))
        .isEqualTo(Integer.toString(brokenAt.partition()));
    assertThat(header(dead.headers(), "dead-letter-offset"))
        .isEqualTo(Long.toString(brokenAt.offset()));
    assertThat(header(dead.headers(), "ce_id")).as("source header kept").isEqualTo(brokenKey);

    // Unmatched is announced once the (test-short) grace period has passed.
    ConsumerRecord<String, byte[]> decided =
        awaitRecord(Topics.LINKS, r -> unknown.key().equals(r.key()));
    MessageUnmatched unmatched =
        EventJson.mapper().readValue(decided.value(), MessageUnmatched.class);
    assertThat(unmatched.reason()).isEqualTo(MessageUnmatched.Reason.NO_PARTICIPANT_MATCHED);
    assertThat(header(decided.headers(), "ce_type"))
        .isEqualTo(EventType.MESSAGE_UNMATCHED.cloudEventType());
  }

  private static ProducerRecord<String, byte[]> directoryEvent(
      String topic, String id, String event) {
    return new ProducerRecord<>(topic, key(id), event.getBytes(StandardCharsets.UTF_8));
  }

  private static KafkaProducer<String, byte[]> producer() {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            KafkaBroker.shared().bootstrapServers(),
            ProducerConfig.ACKS_CONFIG,
            "all"),
        new StringSerializer(),
        new ByteArraySerializer());
  }

  /** Reads the topic from its start until a record matches. */
  private static ConsumerRecord<String, byte[]> awaitRecord(
      String topic, Predicate<ConsumerRecord<String, byte[]>> wanted) {
    AtomicReference<ConsumerRecord<String, byte[]>> found = new AtomicReference<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                KafkaBroker.shared().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "linker-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest"),
            new StringDeserializer(),
            new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      Awaitility.await()
          .atMost(WAIT)
          .pollInSameThread()
          .pollInterval(Duration.ofMillis(100))
          .until(
              () -> {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                  if (wanted.test(r)) {
                    found.set(r);
                  }
                }
                return found.get() != null;
              });
    }
    return found.get();
  }

  private static String header(Headers headers, String name) {
    assertThat(headers.lastHeader(name)).as("header %s", name).isNotNull();
    return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
  }
}
