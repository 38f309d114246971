package io.mailsync.fetcher.assignment;

import io.mailsync.contracts.kafka.ContractDecoder;
import io.mailsync.contracts.kafka.ContractDecoder.Latest;
import io.mailsync.contracts.kafka.PoisonRecord;
import io.mailsync.contracts.mailbox.MailboxConfigured;
import io.mailsync.kafka.ConsumedRecords;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads the mailboxes topic (group "fetcher") to learn which mailboxes this replica syncs. Records
 * arrive as bytes and are decoded here, so a record that is not a usable mailbox goes to {@code
 * fetcher.dlq} as it was read, with the reason.
 */
@ApplicationScoped
public class MailboxAssignmentConsumer {

  private final MailboxAssignments assignments;

  public MailboxAssignmentConsumer(MailboxAssignments assignments) {
    this.assignments = assignments;
  }

  @Incoming("mailbox-assignments")
  public Uni<Void> consume(ConsumerRecord<byte[], byte[]> record) {
    return ConsumedRecords.decoded(record, MailboxAssignmentConsumer::assignment)
        .invoke(
            latest ->
                assignments.apply(
                    new TopicPartition(record.topic(), record.partition()),
                    latest.key(),
                    latest.value()))
        .replaceWithVoid();
  }

  private static Latest<MailboxConfigured> assignment(ConsumerRecord<byte[], byte[]> record) {
    Latest<MailboxConfigured> latest =
        ContractDecoder.decodeLatest(
            record.topic(), record.key(), record.value(), MailboxConfigured.class);
    if (latest.value() != null) {
      requireUuid(latest.value().mailboxId());
    }
    return latest;
  }

  /** The fetcher's own accounts, and so the mailboxes it syncs, are named by UUIDs. */
  private static void requireUuid(String mailboxId) {
    try {
      UUID.fromString(mailboxId);
    } catch (IllegalArgumentException e) {
      throw new PoisonRecord("MailboxConfigured with a mailboxId that is not a UUID: " + mailboxId);
    }
  }
}
