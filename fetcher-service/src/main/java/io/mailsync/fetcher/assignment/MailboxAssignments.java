package io.mailsync.fetcher.assignment;

import io.mailsync.contracts.mailbox.MailboxConfigured;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.TopicPartition;

/**
 * The mailboxes this replica syncs: those whose records live on the partitions of the mailboxes
 * topic that Kafka's group assignment gave it. Replicas of group "fetcher" thereby divide the
 * mailboxes among themselves; when a partition moves, its mailboxes move with it.
 */
@ApplicationScoped
public class MailboxAssignments {

  /** Latest state per mailbox key ("tenant/mailbox"), per assigned partition. */
  private final Map<TopicPartition, Map<String, Assigned>> partitions = new ConcurrentHashMap<>();

  record Assigned(UUID mailboxId, MailboxConfigured.State state) {}

  void assigned(Collection<TopicPartition> assigned) {
    for (TopicPartition partition : assigned) {
      partitions.putIfAbsent(partition, new ConcurrentHashMap<>());
    }
  }

  void revoked(Collection<TopicPartition> revoked) {
    revoked.forEach(partitions::remove);
  }

  /** Applies one record; replaying a record leaves the same state. */
  void apply(TopicPartition partition, String key, MailboxConfigured mailbox) {
    Map<String, Assigned> mailboxes =
        partitions.computeIfAbsent(partition, p -> new ConcurrentHashMap<>());
    if (mailbox == null) {
      mailboxes.remove(key); // tombstone: the account is gone
    } else {
      mailboxes.put(key, new Assigned(UUID.fromString(mailbox.mailboxId()), mailbox.state()));
    }
  }

  /** Mailboxes this replica should sync now. */
  public List<UUID> active() {
    return partitions.values().stream()
        .flatMap(m -> m.values().stream())
        .filter(a -> a.state() == MailboxConfigured.State.ACTIVE)
        .map(Assigned::mailboxId)
        .distinct()
        .toList();
  }
}
