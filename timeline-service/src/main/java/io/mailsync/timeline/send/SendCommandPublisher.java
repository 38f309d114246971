package io.mailsync.timeline.send;

import io.mailsync.contracts.kafka.CloudEventMetadata;
import io.mailsync.contracts.send.SendEmail;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import org.eclipse.microprofile.reactive.messaging.Channel;

/** Puts SendEmail commands on the broker; the Uni completes when the broker acknowledged. */
@ApplicationScoped
public class SendCommandPublisher {

  static final URI SOURCE = URI.create("/mailsync/timeline-service");

  private final MutinyEmitter<SendEmail> commands;

  public SendCommandPublisher(@Channel("send-commands") MutinyEmitter<SendEmail> commands) {
    this.commands = commands;
  }

  public Uni<Void> publish(SendEmail command) {
    return commands.sendMessage(CloudEventMetadata.message(command, SOURCE));
  }
}
