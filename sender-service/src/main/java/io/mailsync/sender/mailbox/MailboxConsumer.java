package io.mailsync.sender.mailbox;

import io.mailsync.contracts.kafka.ContractDecoder;
import io.mailsync.contracts.kafka.PoisonRecord;
import io.mailsync.contracts.kafka.TransientFailures;
import io.mailsync.contracts.mailbox.MailboxConfigured;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Keeps the mailbox settings current from the compacted mailboxes topic. A record that cannot be
 * used is nacked and lands in the dead-letter topic with the reason.
 */
@ApplicationScoped
public class MailboxConsumer {

  private static final Logger LOG = Logger.getLogger(MailboxConsumer.class);

  private final MailboxDirectory directory;

  public MailboxConsumer(MailboxDirectory directory) {
    this.directory = directory;
  }

  @Incoming("mailboxes")
  public Uni<Void> consume(Message<byte[]> message) {
    IncomingKafkaRecordMetadata<?, ?> record = recordOf(message);
    MailboxConfigured event;
    try {
      event =
          ContractDecoder.decode(record.getTopic(), message.getPayload(), MailboxConfigured.class);
    } catch (PoisonRecord e) {
      return nack(message, e);
    }
    Uni<Void> work;
    if (event == null) {
      work = removeByKey(record);
    } else {
      List<String> problems = problems(event);
      if (!problems.isEmpty()) {
        return nack(message, "unusable MailboxConfigured: " + String.join(", ", problems));
      }
      work =
          directory
              .apply(event)
              .invoke(
                  applied -> {
                    if (!applied) {
                      LOG.debugf("ignored older settings %s of %s", event.id(), event.key());
                    }
                  })
              .replaceWithVoid();
    }
    return TransientFailures.retried(work)
        .onItemOrFailure()
        .transformToUni(
            (ignored, failure) ->
                failure == null
                    ? Uni.createFrom().completionStage(message.ack())
                    : nack(message, "mailbox settings not stored: " + failure.getMessage()));
  }

  private static IncomingKafkaRecordMetadata<?, ?> recordOf(Message<?> message) {
    return message
        .getMetadata(IncomingKafkaRecordMetadata.class)
        .orElseThrow(() -> new IllegalStateException("not a message from Kafka"));
  }

  private Uni<Void> removeByKey(IncomingKafkaRecordMetadata<?, ?> record) {
    return Uni.createFrom()
        .item(() -> ContractDecoder.key((byte[]) record.getKey()))
        .chain(
            mailboxKey -> {
              if (mailboxKey == null || mailboxKey.isBlank()) {
                return Uni.createFrom().failure(new PoisonRecord("tombstone without a key"));
              }
              return directory
                  .remove(mailboxKey)
                  .invoke(removed -> LOG.infof("mailbox %s removed (%s)", mailboxKey, removed))
                  .replaceWithVoid();
            });
  }

  static List<String> problems(MailboxConfigured event) {
    List<String> problems = new ArrayList<>();
    requireText(event.id(), "id", problems);
    requireText(event.tenantId(), "tenantId", problems);
    requireText(event.mailboxId(), "mailboxId", problems);
    requireText(event.emailAddress(), "emailAddress", problems);
    if (event.occurredAt() == null) {
      problems.add("occurredAt is missing");
    }
    return problems;
  }

  private static void requireText(String value, String name, List<String> problems) {
    if (value == null || value.isBlank()) {
      problems.add(name + " is missing");
    }
  }

  private static Uni<Void> nack(Message<?> message, String reason) {
    return nack(message, new PoisonRecord(reason));
  }

  private static Uni<Void> nack(Message<?> message, PoisonRecord failure) {
    LOG.warn(failure.getMessage());
    return Uni.createFrom().completionStage(message.nack(failure));
  }
}
