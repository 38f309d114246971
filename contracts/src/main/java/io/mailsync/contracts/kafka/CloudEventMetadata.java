package io.mailsync.contracts.kafka;

import io.mailsync.contracts.ContractRecord;
import io.mailsync.contracts.EventType;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/**
 * Wraps a contract record into a Reactive Messaging message whose metadata makes the Kafka
 * connector write CloudEvents headers in binary mode ({@code ce_id}, {@code ce_type}, {@code
 * ce_source}, {@code ce_time}), the record's key, and the {@code tenant_id} header. Services send
 * it through a {@code MutinyEmitter}, whose {@code sendMessage} completes when the broker has
 * acknowledged the record.
 */
public final class CloudEventMetadata {

  public static final String TENANT_HEADER = "tenant_id";

  public static <T extends ContractRecord> Message<T> message(T record, URI source) {
    return Message.of(record, metadata(record, source));
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
