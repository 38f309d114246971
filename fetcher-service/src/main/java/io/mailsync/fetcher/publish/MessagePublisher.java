package io.mailsync.fetcher.publish;

import io.mailsync.contracts.kafka.CloudEventMetadata;
import io.mailsync.contracts.message.MessageFetched;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import org.eclipse.microprofile.reactive.messaging.Channel;

/**
 * Publishes fetched copies to {@code mailsync.messages.v1}. The Uni completes when the broker has
 * acknowledged the record, so a caller advances its checkpoint only after that.
 */
@ApplicationScoped
public class MessagePublisher {

  public static final URI SOURCE = URI.create("/mailsync/fetcher-service");

  private final MutinyEmitter<MessageFetched> messages;

  public MessagePublisher(@Channel("messages") MutinyEmitter<MessageFetched> messages) {
    this.messages = messages;
  }

  public Uni<Void> publish(MessageFetched message) {
    return messages.sendMessage(CloudEventMetadata.message(message, SOURCE));
  }
}
