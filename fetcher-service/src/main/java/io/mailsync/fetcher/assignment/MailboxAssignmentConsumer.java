package io.mailsync.fetcher.assignment;

import io.mailsync.contracts.Keys;
import io.mailsync.contracts.kafka.ContractDecoder;
import io.mailsync.contracts.kafka.PoisonRecord;
import io.mailsync.contracts.mailbox.MailboxConfigured;
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
  public void consume(ConsumerRecord<byte[], byte[]> record) {
    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
    String recordKey = ContractDecoder.key(record.key());
    MailboxConfigured mailbox =
        ContractDecoder.decode(record.topic(), record.value(), MailboxConfigured.class);
    if (mailbox == null) {
      if (recordKey == null) {
        throw new PoisonRecord("tombstone without a key names no mailbox");
      }
      assignments.apply(partition, recordKey, null);
      return;
    }
    String key = check(mailbox, recordKey);
    assignments.apply(partition, key, mailbox);
  }

  private static String check(MailboxConfigured mailbox, String recordKey) {
    if (mailbox.tenantId() == null || mailbox.tenantId().isBlank()) {
      throw new PoisonRecord("MailboxConfigured without tenantId");
    }
    if (mailbox.mailboxId() == null) {
      throw new PoisonRecord("MailboxConfigured without mailboxId");
    }
    try {
      UUID.fromString(mailbox.mailboxId());
    } catch (IllegalArgumentException e) {
      throw new PoisonRecord(
          "MailboxConfigured with a mailboxId that is not a UUID: " + mailbox.mailboxId());
    }
    if (mailbox.state() == null) {
      throw new PoisonRecord("MailboxConfigured without state");
    }
    String key = Keys.mailbox(mailbox.tenantId(), mailbox.mailboxId());
    if (recordKey != null && !recordKey.equals(key)) {
      throw new PoisonRecord(
          "record key " + recordKey + " does not match the mailbox's key " + key);
    }
    return key;
  }
}
