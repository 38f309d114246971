package io.mailsync.fetcher.publish;

import io.mailsync.contracts.kafka.CloudEventMetadata;
import io.mailsync.contracts.message.MessageFetched;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/**
 * Publishes fetched copies to {@code mailsync.messages.v1}. The returned stage completes when the
 * broker has acknowledged the record, so a caller advances its checkpoint only after that.
 */
@ApplicationScoped
public class MessagePublisher {

  static final URI SOURCE = URI.create("/mailsync/fetcher-service");

  private final Emitter<MessageFetched> messages;

  public MessagePublisher(@Channel("messages") Emitter<MessageFetched> messages) {
    this.messages = messages;
  }

  public CompletionStage<Void> publish(MessageFetched message) {
    return CloudEventMetadata.sendAcknowledged(messages, message, SOURCE);
  }
}
