package io.mailsync.fetcher.assignment;

import io.mailsync.contracts.Keys;
import io.mailsync.contracts.kafka.PoisonRecord;
import io.mailsync.contracts.mailbox.MailboxConfigured;
import io.smallrye.reactive.messaging.kafka.DeserializationFailureHandler;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads the mailboxes topic (group "fetcher") to learn which mailboxes this replica syncs. A record
 * that is not a usable mailbox goes to {@code fetcher.dlq} with the reason.
 */
@ApplicationScoped
public class MailboxAssignmentConsumer {

  private final MailboxAssignments assignments;

  public MailboxAssignmentConsumer(MailboxAssignments assignments) {
    this.assignments = assignments;
  }

  @Incoming("mailbox-assignments")
  public void consume(ConsumerRecord<String, MailboxConfigured> record) {
    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
    MailboxConfigured mailbox = record.value();
    if (mailbox == null) {
      Header failure =
          record.headers().lastHeader(DeserializationFailureHandler.DESERIALIZATION_FAILURE_REASON);
      if (failure != null) {
        throw new PoisonRecord(
            "not a MailboxConfigured record: "
                + new String(failure.value(), StandardCharsets.UTF_8));
      }
      if (record.key() == null) {
        throw new PoisonRecord("tombstone without a key names no mailbox");
      }
      assignments.apply(partition, record.key(), null);
      return;
    }
    String key = check(mailbox, record.key());
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
