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
import io.mailsync.testkit.kafka.KafkaBroker;
import io.mailsync.testkit.kafka.KafkaResource;
import io.mailsync.testkit.postgres.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/** The fetcher starts against the real broker and publishes with CloudEvents headers. */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(JwtResource.class)
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

    ConsumerRecord<String, byte[]> record = readBack(Keys.message(tenant, messageKey));
    assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
    assertThat(header(record, "ce_id")).isEqualTo(copy.eventId());
    assertThat(header(record, "ce_type")).isEqualTo("io.mailsync.message.fetched.v1");
    assertThat(header(record, "ce_source")).isEqualTo("/mailsync/fetcher-service");
    assertThat(Instant.parse(header(record, "ce_time"))).isEqualTo(now);
    assertThat(header(record, "tenant_id")).isEqualTo(tenant);
    assertThat(EventJson.mapper().readValue(record.value(), MessageFetched.class)).isEqualTo(event);
  }

  private static ConsumerRecord<String, byte[]> readBack(String key) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.shared().bootstrapServers());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(Topics.MESSAGES));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (System.nanoTime() < deadline) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          if (key.equals(record.key())) {
            return record;
          }
        }
      }
    }
    throw new AssertionError("no record with key " + key + " on " + Topics.MESSAGES);
  }

  private static String header(ConsumerRecord<?, ?> record, String name) {
    Header header = record.headers().lastHeader(name);
    assertThat(header).as("header %s", name).isNotNull();
    return new String(header.value(), StandardCharsets.UTF_8);
  }
}
