package io.mailsync.fetcher.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mailsync.contracts.Topics;
import io.mailsync.fetcher.MailboxApi;
import io.mailsync.fetcher.Topic;
import io.mailsync.testkit.auth.JwtResource;
import io.mailsync.testkit.auth.TestJwt;
import io.mailsync.testkit.kafka.KafkaBroker;
import io.mailsync.testkit.kafka.KafkaResource;
import io.mailsync.testkit.postgres.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** Mailboxes reach this replica through its group's partitions of the mailboxes topic. */
@QuarkusTest
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(JwtResource.class)
class MailboxAssignmentIT {

  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @Inject MailboxAssignments assignments;

  @Test
  void aPoisonRecordGoesToTheDeadLetterTopicAndAssignmentGoesOn() throws Exception {
    String poisonKey = "tenant-x/" + UUID.randomUUID();
    send(poisonKey, "{not json".getBytes(StandardCharsets.UTF_8));
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
                assertThat(Topic.readAll(Topics.deadLetter("fetcher")))
                    .anySatisfy(
                        r -> {
                          assertThat(r.key()).isEqualTo(poisonKey);
                          assertThat(new String(r.value(), StandardCharsets.UTF_8))
                              .isEqualTo("{not json");
                          assertThat(Topic.header(r, "dead-letter-reason"))
                              .contains("not a MailboxConfigured");
                        }));
  }

  private static void send(String key, byte[] value) throws Exception {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.shared().bootstrapServers());
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(Topics.MAILBOXES, key, value)).get();
    }
  }
}
