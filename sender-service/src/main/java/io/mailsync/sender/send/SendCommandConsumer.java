package io.mailsync.sender.send;

import io.mailsync.contracts.kafka.ContractDecoder;
import io.mailsync.contracts.kafka.RecordCoordinates;
import io.mailsync.contracts.kafka.TransientFailures;
import io.mailsync.contracts.send.SendEmail;
import io.mailsync.kafka.ConsumedRecords;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Takes {@code SendEmail} commands off {@code mailsync.send-commands.v1}, one at a time per
 * partition; a command is acknowledged only once its outcome is published. Outages are retried (a
 * retry never sends twice: the attempt row guards it); a record that cannot be answered goes to the
 * dead-letter topic as it was read, with the reason.
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
  public Uni<Void> consume(ConsumerRecord<byte[], byte[]> record) {
    return ConsumedRecords.decoded(
            record, r -> ContractDecoder.decode(r.topic(), r.value(), SendEmail.class))
        .chain(
            command ->
                TransientFailures.retried(handler.handle(command).chain(publisher::publish))
                    .onFailure()
                    .invoke(
                        failure ->
                            LOG.warnf(
                                "send command %s read at %s not processed: %s",
                                command.id(), RecordCoordinates.of(record), failure.getMessage())));
  }
}
