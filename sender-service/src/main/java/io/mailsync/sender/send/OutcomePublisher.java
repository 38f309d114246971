package io.mailsync.sender.send;

import io.mailsync.contracts.ContractRecord;
import io.mailsync.contracts.kafka.CloudEventMetadata;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import org.eclipse.microprofile.reactive.messaging.Channel;

/**
 * Publishes outcomes to {@code mailsync.sent.v1} with CloudEvents headers. The Uni completes when
 * the broker has the record, so the command is acknowledged only after its outcome is out.
 */
@ApplicationScoped
public class OutcomePublisher {

  static final URI SOURCE = URI.create("/mailsync/sender-service");

  private final MutinyEmitter<ContractRecord> outcomes;

  public OutcomePublisher(@Channel("sent") MutinyEmitter<ContractRecord> outcomes) {
    this.outcomes = outcomes;
  }

  public Uni<Void> publish(ContractRecord outcome) {
    return outcomes.sendMessage(CloudEventMetadata.message(outcome, SOURCE));
  }
}
