package io.mailsync.contracts.kafka;

import io.mailsync.contracts.ContractRecord;
import io.mailsync.contracts.EventType;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/**
 * Wraps a contract record into a Reactive Messaging message whose metadata makes the Kafka
 * connector write CloudEvents headers in binary mode ({@code ce_id}, {@code ce_type}, {@code
 * ce_source}, {@code ce_time}), the record's key, and the {@code tenant_id} header.
 */
public final class CloudEventMetadata {

  public static final String TENANT_HEADER = "tenant_id";

  public static <T extends ContractRecord> Message<T> message(T record, URI source) {
    return Message.of(record, metadata(record, source));
  }

  /**
   * Sends {@code record} with its metadata through {@code emitter}; the stage completes when the
   * broker has acknowledged it (or fails with the reason), so callers move on — advance a
   * checkpoint, acknowledge a command, answer a request — only once the record is durable.
   */
  public static <T extends ContractRecord> CompletionStage<Void> sendAcknowledged(
      Emitter<T> emitter, T record, URI source) {
    CompletableFuture<Void> acknowledged = new CompletableFuture<>();
    emitter.send(
        message(record, source)
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

  public static Metadata metadata(ContractRecord record, URI source) {
    var cloudEvent =
        OutgoingCloudEventMetadata.builder()
            .withId(record.id())
            .withType(EventType.of(record).cloudEventType())
            .withSource(source)
            .withTimestamp(record.occurredAt().atZone(ZoneOffset.UTC))
            .withDataContentType("application/json")
            .build();
    var kafka =
        OutgoingKafkaRecordMetadata.<String>builder()
            .withKey(record.key())
            .withHeaders(
                new RecordHeaders()
                    .add(TENANT_HEADER, record.tenantId().getBytes(StandardCharsets.UTF_8)))
            .build();
    return Metadata.of(cloudEvent, kafka);
  }

  private CloudEventMetadata() {}
}
