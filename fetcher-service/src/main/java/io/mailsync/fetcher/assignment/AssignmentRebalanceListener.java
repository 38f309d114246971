package io.mailsync.fetcher.assignment;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * Follows the group's partition assignment. A newly assigned partition is read from its beginning:
 * the compacted topic holds the latest record of every mailbox, which is the state to rebuild.
 */
@ApplicationScoped
@Identifier(AssignmentRebalanceListener.NAME) public class AssignmentRebalanceListener implements KafkaConsumerRebalanceListener {

  static final String NAME = "fetcher-mailbox-assignment";
  private static final Logger LOG = Logger.getLogger(AssignmentRebalanceListener.class);

  private final MailboxAssignments assignments;

  public AssignmentRebalanceListener(MailboxAssignments assignments) {
    this.assignments = assignments;
  }

  @Override
  public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
    assignments.assigned(partitions);
    consumer.seekToBeginning(partitions);
    LOG.infof("mailbox partitions assigned: %s", partitions);
  }

  @Override
  public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
    assignments.revoked(partitions);
    LOG.infof("mailbox partitions revoked: %s", partitions);
  }

  @Override
  public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
    assignments.revoked(partitions);
  }
}
