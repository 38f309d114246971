package io.mailsync.testkit.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailsync.contracts.EventType;
import io.mailsync.contracts.TopicDeclaration;
import io.mailsync.contracts.kafka.CloudEventMetadata;
import io.mailsync.contracts.link.MessageUnmatched;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

class TestTopicsIT {

  private final KafkaBroker broker = KafkaBroker.shared();

  @Test
  void aPublishedContractRecordCarriesTheSharedHeadersAndDecodesBack() {
    broker.createMailsyncTopics();
    MessageUnmatched unmatched =
        new MessageUnmatched(
            UUID.randomUUID().toString(),
            "tenant-" + UUID.randomUUID(),
            Instant.now().truncatedTo(ChronoUnit.MILLIS),
            "message-1",
            UUID.randomUUID().toString(),
            MessageUnmatched.Reason.NO_PARTICIPANT_MATCHED,
            null);

    TestTopics.publish(unmatched);

    ConsumerRecord<String, byte[]> record =
        TestTopics.await(EventType.MESSAGE_UNMATCHED.topic(), r -> unmatched.key().equals(r.key()));
    assertThat(TestTopics.value(record, MessageUnmatched.class)).isEqualTo(unmatched);
    assertThat(texts(record.headers()))
        .containsExactlyElementsOf(texts(CloudEventMetadata.headers(unmatched, TestTopics.SOURCE)));
    assertThat(TestTopics.header(record, "ce_type"))
        .isEqualTo(EventType.MESSAGE_UNMATCHED.cloudEventType());
    assertThat(TestTopics.header(record, "no-such-header")).isNull();
  }

  @Test
  void readAllReturnsEveryPartitionUpToItsEndAndAwaitCountsOnlyMatches() {
    String topic = "testkit.records." + UUID.randomUUID();
    broker.createTopics(
        List.of(
            new TopicDeclaration(
                topic, 3, TopicDeclaration.CleanupPolicy.DELETE, Duration.ofHours(1))));
    for (int i = 0; i < 6; i++) {
      TestTopics.publishRaw(topic, "key-" + i, ("value-" + i).getBytes(StandardCharsets.UTF_8));
    }
    TestTopics.publishRaw(topic, "gone", null);

    assertThat(TestTopics.readAll(topic))
        .extracting(ConsumerRecord::key)
        .containsExactlyInAnyOrder("key-0", "key-1", "key-2", "key-3", "key-4", "key-5", "gone");
    assertThat(TestTopics.await(topic, r -> r.value() != null, 6))
        .extracting(TestTopics::text)
        .containsExactlyInAnyOrder(
            "value-0", "value-1", "value-2", "value-3", "value-4", "value-5");
  }

  @Test
  void awaitFailsWhenTooFewRecordsMatchInTime() {
    String topic = "testkit.records." + UUID.randomUUID();
    broker.createTopics(topic);
    TestTopics.publishRaw(topic, "only", "one".getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> TestTopics.await(topic, r -> true, 2, Duration.ofSeconds(3)))
        .isInstanceOf(ConditionTimeoutException.class)
        .hasMessageContaining(topic);
  }

  private static List<String> texts(Headers headers) {
    return StreamSupport.stream(headers.spliterator(), false).map(TestTopicsIT::text).toList();
  }

  private static String text(Header header) {
    return header.key() + "=" + new String(header.value(), StandardCharsets.UTF_8);
  }
}
