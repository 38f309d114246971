package io.mailsync.sender.send;

import io.mailsync.contracts.Topics;
import io.mailsync.contracts.kafka.ContractDecoder;
import io.mailsync.contracts.kafka.PoisonRecord;
import io.mailsync.contracts.kafka.TransientFailures;
import io.mailsync.contracts.send.SendEmail;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Takes {@code SendEmail} commands off {@code mailsync.send-commands.v1}, one at a time per
 * partition, and acknowledges each only once its outcome is published. Outages are retried (a retry
 * never sends twice: the attempt row guards it); a record that cannot be answered goes to the
 * dead-letter topic with the reason.
 */
@ApplicationScoped
public class SendCommandConsumer {

  private static final Logger LOG = Logger.getLogger(SendCommandConsumer.class);

  private final SendCommandHandler handler;
  private final OutcomePublisher publisher;

  public SendCommandConsumer(SendCommandHandler handler, OutcomePublisher publisher) {
    this.handler = handler;
    this.publisher = publisher;
  }

  @Incoming("send-commands")
  public Uni<Void> consume(Message<byte[]> message) {
    SendEmail command;
    Uni<Void> work;
    try {
      command = ContractDecoder.decode(Topics.SEND_COMMANDS, message.getPayload(), SendEmail.class);
      work =
          command == null
              ? Uni.createFrom().failure(new PoisonRecord("empty SendEmail record"))
              : handler.handle(command).chain(publisher::publish);
    } catch (PoisonRecord e) {
      command = null;
      work = Uni.createFrom().failure(e);
    }
    String commandId = command == null ? "(unreadable)" : command.id();
    return TransientFailures.retried(work)
        .onItemOrFailure()
        .transformToUni(
            (ignored, failure) -> {
              if (failure == null) {
                return Uni.createFrom().completionStage(message.ack());
              }
              LOG.warnf("send command %s not processed: %s", commandId, failure.getMessage());
              return Uni.createFrom().completionStage(message.nack(failure));
            });
  }
}
