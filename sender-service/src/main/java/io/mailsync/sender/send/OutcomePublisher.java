package io.mailsync.sender.send;

import io.mailsync.contracts.ContractRecord;
import io.mailsync.contracts.kafka.CloudEventMetadata;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/**
 * Publishes outcomes to {@code mailsync.sent.v1} with CloudEvents headers. The Uni completes when
 * the broker has the record, so the command is acknowledged only after its outcome is out.
 */
@ApplicationScoped
public class OutcomePublisher {

  static final URI SOURCE = URI.create("/mailsync/sender-service");

  private final Emitter<ContractRecord> outcomes;

  public OutcomePublisher(@Channel("sent") Emitter<ContractRecord> outcomes) {
    this.outcomes = outcomes;
  }

  public Uni<Void> publish(ContractRecord outcome) {
    return Uni.createFrom()
        .completionStage(() -> CloudEventMetadata.sendAcknowledged(outcomes, outcome, SOURCE));
  }
}
