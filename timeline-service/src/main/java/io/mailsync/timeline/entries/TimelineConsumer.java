package io.mailsync.timeline.entries;

import io.mailsync.contracts.ContractRecord;
import io.mailsync.contracts.kafka.TransientFailures;
import io.mailsync.contracts.link.MessageLinked;
import io.mailsync.contracts.link.MessageUnmatched;
import io.mailsync.contracts.message.MessageFetched;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Kafka edge: message content and link decisions into the timeline store. Outages are retried
 * (writes are idempotent); bad records go to the dead-letter topic.
 */
@ApplicationScoped
public class TimelineConsumer {

  private static final Logger LOG = Logger.getLogger(TimelineConsumer.class);

  private final TimelineStore store;

  public TimelineConsumer(TimelineStore store) {
    this.store = store;
  }

  @Incoming("messages")
  public Uni<Void> onMessage(MessageFetched message) {
    return TransientFailures.retried(store.storeMessage(message))
        .invoke(
            stored -> {
              if (!stored) {
                LOG.debugf("not storing %s: the linker found it unrelated", message.messageKey());
              }
            })
        .replaceWithVoid();
  }

  @Incoming("links")
  public Uni<Void> onLinkDecision(ContractRecord decision) {
    return switch (decision) {
      case MessageLinked linked -> TransientFailures.retried(store.storeLinks(linked));
      case MessageUnmatched unmatched -> TransientFailures.retried(store.storeUnmatched(unmatched));
      default ->
          Uni.createFrom()
              .failure(new IllegalArgumentException("not a link decision: " + decision.getClass()));
    };
  }
}
