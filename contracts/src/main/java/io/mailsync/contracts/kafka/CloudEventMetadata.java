package io.mailsync.contracts.kafka;

import io.mailsync.contracts.ContractRecord;
import io.mailsync.contracts.EventType;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.apache.kafka.common.header.Headers;
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

  /**
   * The same CloudEvents binary-mode headers as Kafka headers, for what writes records without
   * Reactive Messaging: the linker's Kafka Streams topology and the tests' producers.
   */
  public static Headers headers(ContractRecord record, URI source) {
    Headers headers = new RecordHeaders();
    add(headers, "ce_specversion", "1.0");
    add(headers, "ce_id", record.id());
    add(headers, "ce_type", EventType.of(record).cloudEventType());
    add(headers, "ce_source", source.toString());
    add(
        headers,
        "ce_time",
        DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(record.occurredAt().atZone(ZoneOffset.UTC)));
    add(headers, "content-type", "application/json");
    add(headers, TENANT_HEADER, record.tenantId());
    return headers;
  }

  private static void add(Headers headers, String name, String value) {
    headers.add(name, value.getBytes(StandardCharsets.UTF_8));
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
