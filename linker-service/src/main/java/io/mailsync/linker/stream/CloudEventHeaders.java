package io.mailsync.linker.stream;

import io.mailsync.contracts.ContractRecord;
import io.mailsync.contracts.EventType;
import io.mailsync.contracts.kafka.CloudEventMetadata;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * CloudEvents binary-mode headers for a record the topology produces, written exactly as the
 * messaging services write them, plus the {@code tenant_id} header.
 */
final class CloudEventHeaders {

  static final String SOURCE = "/mailsync/linker-service";

  static Headers of(ContractRecord record) {
    Headers headers = new RecordHeaders();
    add(headers, "ce_specversion", "1.0");
    add(headers, "ce_id", record.id());
    add(headers, "ce_type", EventType.of(record).cloudEventType());
    add(headers, "ce_source", SOURCE);
    add(
        headers,
        "ce_time",
        DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(record.occurredAt().atZone(ZoneOffset.UTC)));
    add(headers, "content-type", "application/json");
    add(headers, CloudEventMetadata.TENANT_HEADER, record.tenantId());
    return headers;
  }

  private static void add(Headers headers, String name, String value) {
    headers.add(name, value.getBytes(StandardCharsets.UTF_8));
  }

  private CloudEventHeaders() {}
}
