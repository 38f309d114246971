package io.mailsync.fetcher.publish;

import io.mailsync.contracts.kafka.CloudEventMetadata;
import io.mailsync.contracts.mailbox.MailboxConfigured;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;

/**
 * Publishes mailbox settings to the compacted {@code mailsync.mailboxes.v1}; the Uni completes when
 * the broker has acknowledged the record.
 */
@ApplicationScoped
public class MailboxPublisher {

  private final MutinyEmitter<MailboxConfigured> mailboxes;

  public MailboxPublisher(@Channel("mailboxes") MutinyEmitter<MailboxConfigured> mailboxes) {
    this.mailboxes = mailboxes;
  }

  public Uni<Void> publish(MailboxConfigured mailbox) {
    return mailboxes.sendMessage(CloudEventMetadata.message(mailbox, MessagePublisher.SOURCE));
  }
}
