package io.mailsync.fetcher.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailsync.contracts.Keys;
import io.mailsync.contracts.Topics;
import io.mailsync.contracts.kafka.ContractSerializer;
import io.mailsync.contracts.kafka.PoisonRecord;
import io.mailsync.contracts.mailbox.MailboxConfigured;
import io.mailsync.contracts.mailbox.MailboxConfigured.State;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class MailboxAssignmentConsumerTest {

  private final MailboxAssignments assignments = new MailboxAssignments();
  private final MailboxAssignmentConsumer consumer = new MailboxAssignmentConsumer(assignments);
  private final TopicPartition p0 = new TopicPartition(Topics.MAILBOXES, 0);
  private final TopicPartition p1 = new TopicPartition(Topics.MAILBOXES, 1);

  @Test
  void followsTheLatestRecordOfEachAssignedMailbox() {
    UUID a = UUID.randomUUID();
    UUID b = UUID.randomUUID();
    assignments.assigned(List.of(p0, p1));
    consume(record(0, mailbox(a, State.ACTIVE)));
    consume(record(0, mailbox(a, State.ACTIVE))); // replayed: no change
    consume(record(1, mailbox(b, State.ACTIVE)));
    assertThat(assignments.active()).containsExactlyInAnyOrder(a, b);

    consume(record(1, mailbox(b, State.PAUSED)));
    assertThat(assignments.active()).containsExactly(a);

    consume(record(0, 9, Keys.mailbox("t", a.toString()), null));
    assertThat(assignments.active()).isEmpty();

    consume(record(1, mailbox(b, State.ACTIVE)));
    assignments.revoked(List.of(p1));
    assertThat(assignments.active()).isEmpty();
  }

  @Test
  void rejectsRecordsThatNameNoUsableMailbox() {
    MailboxConfigured noId = mailbox(UUID.randomUUID(), State.ACTIVE);
    MailboxConfigured broken =
        new MailboxConfigured(
            "e",
            "t",
            Instant.now(),
            "not-a-uuid",
            "u",
            "a@b.test",
            null,
            null,
            "a",
            null,
            List.of(),
            null,
            State.ACTIVE);
    assertThatThrownBy(() -> consume(record(0, 1, Keys.mailbox("t", "not-a-uuid"), broken)))
        .isInstanceOf(PoisonRecord.class)
        .hasMessageContaining("not a UUID");
    assertThatThrownBy(() -> consume(record(0, 1, "other/key", noId)))
        .isInstanceOf(PoisonRecord.class)
        .hasMessageContaining("does not match");
    assertThatThrownBy(() -> consume(record(0, 1, null, null)))
        .isInstanceOf(PoisonRecord.class)
        .hasMessageContaining("without a key");
  }

  @Test
  void rejectsRecordsThatAreNoMailboxAtAll() {
    byte[] notJson = "{not json".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(
            () ->
                consume(
                    new ConsumerRecord<>(
                        Topics.MAILBOXES, 0, 1, "t/k".getBytes(StandardCharsets.UTF_8), notJson)))
        .isInstanceOf(PoisonRecord.class)
        .hasMessageContaining("not a MailboxConfigured");
    byte[] notUtf8 = {(byte) 0xc3, (byte) 0x28};
    assertThatThrownBy(() -> consume(new ConsumerRecord<>(Topics.MAILBOXES, 0, 1, notUtf8, null)))
        .isInstanceOf(PoisonRecord.class)
        .hasMessageContaining("not UTF-8");
  }

  private ConsumerRecord<byte[], byte[]> record(int partition, MailboxConfigured m) {
    return record(partition, 0, m.key(), m);
  }

  private void consume(ConsumerRecord<byte[], byte[]> record) {
    consumer.consume(record).await().indefinitely();
  }

  /** The record as the consumer reads it: key and value as bytes. */
  private static ConsumerRecord<byte[], byte[]> record(
      int partition, long offset, String key, MailboxConfigured m) {
    return new ConsumerRecord<>(
        Topics.MAILBOXES,
        partition,
        offset,
        key == null ? null : key.getBytes(StandardCharsets.UTF_8),
        new ContractSerializer().serialize(Topics.MAILBOXES, m));
  }

  private static MailboxConfigured mailbox(UUID id, State state) {
    return new MailboxConfigured(
        UUID.randomUUID().toString(),
        "t",
        Instant.now(),
        id.toString(),
        "u",
        "a@b.test",
        null,
        null,
        "a",
        null,
        List.of(),
        null,
        state);
  }
}
