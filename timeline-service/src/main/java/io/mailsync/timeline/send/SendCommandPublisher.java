package io.mailsync.timeline.send;

import io.mailsync.contracts.kafka.CloudEventMetadata;
import io.mailsync.contracts.send.SendEmail;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Puts SendEmail commands on the broker; the Uni completes when the broker acknowledged. */
@ApplicationScoped
public class SendCommandPublisher {

  static final URI SOURCE = URI.create("/mailsync/timeline-service");

  private final Emitter<SendEmail> commands;

  public SendCommandPublisher(@Channel("send-commands") Emitter<SendEmail> commands) {
    this.commands = commands;
  }

  public Uni<Void> publish(SendEmail command) {
    CompletableFuture<Void> acknowledged = new CompletableFuture<>();
    commands.send(
        Message.of(command, CloudEventMetadata.metadata(command, SOURCE))
            .withAck(
                () -> {
                  acknowledged.complete(null);
                  return CompletableFuture.completedFuture(null);
                })
            .withNack(
                failure -> {
                  acknowledged.completeExceptionally(failure);
                  return CompletableFuture.completedFuture(null);
                }));
    return Uni.createFrom().completionStage(acknowledged);
  }
}
