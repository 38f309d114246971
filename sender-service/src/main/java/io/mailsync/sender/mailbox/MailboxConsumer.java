package io.mailsync.sender.mailbox;

import io.mailsync.contracts.kafka.ContractDecoder;
import io.mailsync.contracts.kafka.RecordCoordinates;
import io.mailsync.contracts.kafka.TransientFailures;
import io.mailsync.contracts.mailbox.MailboxConfigured;
import io.mailsync.kafka.ConsumedRecords;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Keeps the mailbox settings current from the compacted mailboxes topic: the latest record per key
 * is the mailbox, a tombstone removes it. Records arrive as bytes and are decoded here, so one that
 * cannot be used goes to the dead-letter topic as it was read, with the reason; outages are
 * retried.
 */
@ApplicationScoped
public class MailboxConsumer {

  private static final Logger LOG = Logger.getLogger(MailboxConsumer.class);

  private final MailboxDirectory directory;

  public MailboxConsumer(MailboxDirectory directory) {
    this.directory = directory;
  }

  @Incoming("mailboxes")
  public Uni<Void> consume(ConsumerRecord<byte[], byte[]> record) {
    return ConsumedRecords.decoded(
            record,
            r ->
                ContractDecoder.decodeLatest(
                    r.topic(), r.key(), r.value(), MailboxConfigured.class))
        .chain(
            latest ->
                TransientFailures.retried(
                        latest.value() == null ? remove(latest.key()) : apply(latest.value()))
                    .onFailure()
                    .invoke(
                        failure ->
                            LOG.warnf(
                                "mailbox settings of %s read at %s not stored: %s",
                                latest.key(), RecordCoordinates.of(record), failure.getMessage())));
  }

  private Uni<Void> apply(MailboxConfigured event) {
    return directory
        .apply(event)
        .invoke(
            applied -> {
              if (!applied) {
                LOG.debugf("ignored older settings %s of %s", event.id(), event.key());
              }
            })
        .replaceWithVoid();
  }

  private Uni<Void> remove(String mailboxKey) {
    return directory
        .remove(mailboxKey)
        .invoke(removed -> LOG.infof("mailbox %s removed (%s)", mailboxKey, removed))
        .replaceWithVoid();
  }
}
