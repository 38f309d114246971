package io.mailsync.contracts.kafka;

import io.mailsync.contracts.ContractRecord;
import io.mailsync.contracts.EventType;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.SequencedMap;
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
    headerValues(record, source)
        .forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
    return headers;
  }

  /**
   * The headers' names and values in the order they are written: what {@link #headers} writes, and
   * what an outbox row carries for the cdc process to write ({@code OutboxEvent}).
   */
  public static SequencedMap<String, String> headerValues(ContractRecord record, URI source) {
    SequencedMap<String, String> headers = new LinkedHashMap<>();
    headers.put("ce_specversion", "1.0");
    headers.put("ce_id", record.id());
    headers.put("ce_type", EventType.of(record).cloudEventType());
    headers.put("ce_source", source.toString());
    headers.put(
        "ce_time",
        DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(record.occurredAt().atZone(ZoneOffset.UTC)));
    headers.put("content-type", "application/json");
    headers.put(TENANT_HEADER, record.tenantId());
    return headers;
  }

  private static Metadata metadata(ContractRecord record, URI source) {
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
