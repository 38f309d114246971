package io.mailsync.fetcher.publish;

import io.mailsync.contracts.ContractRecord;
import io.mailsync.contracts.kafka.CloudEventMetadata;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Sends a contract record with CloudEvents headers; the stage completes on the broker's ack. */
final class Acknowledged {

  static final URI SOURCE = URI.create("/mailsync/fetcher-service");

  static <T extends ContractRecord> CompletionStage<Void> send(Emitter<T> emitter, T record) {
    CompletableFuture<Void> acknowledged = new CompletableFuture<>();
    emitter.send(
        Message.of(record, CloudEventMetadata.metadata(record, SOURCE))
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
    return acknowledged;
  }

  private Acknowledged() {}
}
