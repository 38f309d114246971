package io.mailsync.fetcher.publish;

import io.mailsync.contracts.kafka.CloudEventMetadata;
import io.mailsync.contracts.mailbox.MailboxConfigured;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/**
 * Publishes mailbox settings to the compacted {@code mailsync.mailboxes.v1}; the stage completes
 * when the broker has acknowledged the record.
 */
@ApplicationScoped
public class MailboxPublisher {

  private final Emitter<MailboxConfigured> mailboxes;

  public MailboxPublisher(@Channel("mailboxes") Emitter<MailboxConfigured> mailboxes) {
    this.mailboxes = mailboxes;
  }

  public CompletionStage<Void> publish(MailboxConfigured mailbox) {
    return CloudEventMetadata.sendAcknowledged(mailboxes, mailbox, MessagePublisher.SOURCE);
  }
}
