package io.mailsync.timeline.send;

import io.mailsync.contracts.kafka.CloudEventMetadata;
import io.mailsync.contracts.send.SendEmail;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/** Puts SendEmail commands on the broker; the Uni completes when the broker acknowledged. */
@ApplicationScoped
public class SendCommandPublisher {

  static final URI SOURCE = URI.create("/mailsync/timeline-service");

  private final Emitter<SendEmail> commands;

  public SendCommandPublisher(@Channel("send-commands") Emitter<SendEmail> commands) {
    this.commands = commands;
  }

  public Uni<Void> publish(SendEmail command) {
    return Uni.createFrom()
        .completionStage(() -> CloudEventMetadata.sendAcknowledged(commands, command, SOURCE));
  }
}
