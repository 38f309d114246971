package io.mailsync.timeline.entries;

import io.mailsync.contracts.kafka.ContractDecoder;
import io.mailsync.contracts.kafka.PoisonRecord;
import io.mailsync.contracts.kafka.TransientFailures;
import io.mailsync.contracts.link.MessageLinked;
import io.mailsync.contracts.link.MessageUnmatched;
import io.mailsync.contracts.message.MessageFetched;
import io.mailsync.kafka.ConsumedRecords;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Kafka edge: message content and link decisions into the timeline store. Records arrive as bytes
 * and are decoded here, so a bad one goes to the dead-letter topic as it was read; outages are
 * retried (writes are idempotent).
 */
@ApplicationScoped
public class TimelineConsumer {

  private static final Logger LOG = Logger.getLogger(TimelineConsumer.class);

  private final TimelineStore store;

  public TimelineConsumer(TimelineStore store) {
    this.store = store;
  }

  @Incoming("messages")
  public Uni<Void> onMessage(ConsumerRecord<byte[], byte[]> record) {
    return ConsumedRecords.decoded(
            record, r -> ContractDecoder.decode(r.topic(), r.value(), MessageFetched.class))
        .chain(
            message ->
                TransientFailures.retried(store.storeMessage(message))
                    .invoke(
                        stored -> {
                          if (!stored) {
                            LOG.debugf(
                                "not storing %s: the linker found it unrelated",
                                message.messageKey());
                          }
                        }))
        .replaceWithVoid();
  }

  /**
   * The links topic carries two record types; the CloudEvents {@code ce_type} header says which.
   */
  @Incoming("links")
  public Uni<Void> onLinkDecision(ConsumerRecord<byte[], byte[]> record) {
    return ConsumedRecords.decoded(
            record, r -> ContractDecoder.decodeByType(r.topic(), r.headers(), r.value()))
        .chain(
            decision ->
                switch (decision) {
                  case MessageLinked linked -> TransientFailures.retried(store.storeLinks(linked));
                  case MessageUnmatched unmatched ->
                      TransientFailures.retried(store.storeUnmatched(unmatched));
                  default ->
                      Uni.createFrom()
                          .failure(new PoisonRecord("not a link decision: " + decision.getClass()));
                });
  }
}
