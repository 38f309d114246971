package io.mailsync.contracts.outbox;

import io.mailsync.contracts.ContractRecord;
import io.mailsync.contracts.EventType;
import io.mailsync.contracts.kafka.CloudEventMetadata;
import io.mailsync.contracts.kafka.ContractSerializer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.SequencedMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One row of a service's outbox table: a contract record written in the same transaction as the
 * change it announces, which the cdc process (Debezium's outbox event router, configured in {@code
 * cdc/src/main/resources/connector.properties}) publishes as the Kafka record a direct publish
 * would have written — same topic, key, value bytes and headers.
 *
 * <p>Every service that announces database changes has the same table in its own schema (see
 * timeline-service's {@code V3__outbox.sql}); the connector captures {@code <schema>.outbox}:
 *
 * <pre>
 * id             uuid PRIMARY KEY  the record's id (CloudEvents ce_id)
 * topic          text NOT NULL     where the router sends it
 * record_key     bytea NOT NULL    the Kafka key, UTF-8
 * payload        bytea NOT NULL    the record as ContractSerializer writes it
 * ce_specversion, ce_id, ce_type, ce_source, ce_time, content_type, tenant_id
 *                text NOT NULL     one column per header (CloudEventMetadata#headerValues),
 *                                  '-' in a header name written as '_' in its column
 * created_at     timestamptz NOT NULL DEFAULT now()
 * </pre>
 *
 * <p>A writer inserts the row ({@link #insertInto}) and deletes it again ({@link #deleteFrom}) in
 * the same transaction: the WAL keeps the insert, which is all the router reads, and the table
 * stays empty, so there is nothing to prune and a new replication slot's snapshot republishes
 * nothing. Key and payload are bytea so that the connector's converter passes them on raw.
 */
public final class OutboxEvent {

  /** Every service's outbox, in its own schema as Hibernate names it in native SQL. */
  public static final String TABLE = "{h-schema}outbox";

  private final UUID id;
  private final String topic;
  private final byte[] recordKey;
  private final byte[] payload;
  private final SequencedMap<String, String> headers;

  private OutboxEvent(
      UUID id,
      String topic,
      byte[] recordKey,
      byte[] payload,
      SequencedMap<String, String> headers) {
    this.id = id;
    this.topic = topic;
    this.recordKey = recordKey;
    this.payload = payload;
    this.headers = headers;
  }

  /**
   * The row announcing {@code record}, to the topic its type is published on ({@link
   * EventType#topic}), with the headers {@link CloudEventMetadata#headerValues} gives.
   *
   * @param source the CloudEvents source of the writing service, e.g. {@code
   *     /mailsync/timeline-service}
   * @throws IllegalArgumentException if the record's id is not a UUID (every contract schema
   *     requires one) or the record is not a contract type
   */
  public static OutboxEvent of(ContractRecord record, URI source) {
    String topic = EventType.of(record).topic();
    UUID id;
    try {
      id = UUID.fromString(record.id());
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException(
          "an outbox event's id must be a UUID, got " + record.id(), e);
    }
    return new OutboxEvent(
        id,
        topic,
        record.key().getBytes(StandardCharsets.UTF_8),
        new ContractSerializer().serialize(topic, record),
        CloudEventMetadata.headerValues(record, source));
  }

  public UUID id() {
    return id;
  }

  /**
   * Column name → value for every column a writer sets ({@code created_at} has its default); the
   * header columns come in the order the published record carries the headers.
   */
  public SequencedMap<String, Object> columns() {
    SequencedMap<String, Object> columns = new LinkedHashMap<>();
    columns.put("id", id);
    columns.put("topic", topic);
    columns.put("record_key", recordKey.clone());
    columns.put("payload", payload.clone());
    headers.forEach((name, value) -> columns.put(headerColumn(name), value));
    return columns;
  }

  /**
   * Native SQL that inserts this row into {@code table} (e.g. Hibernate's {@code
   * {h-schema}outbox}), with one named parameter per column, named like the column: bind {@link
   * #columns()}.
   */
  public String insertInto(String table) {
    var names = columns().sequencedKeySet();
    return "INSERT INTO "
        + table
        + " ("
        + String.join(", ", names)
        + ") VALUES ("
        + names.stream().map(name -> ":" + name).collect(Collectors.joining(", "))
        + ")";
  }

  /** Native SQL that deletes the row with the id bound to {@code :id} from {@code table}. */
  public static String deleteFrom(String table) {
    return "DELETE FROM " + table + " WHERE id = :id";
  }

  /** The column of a header: {@code content-type} is kept in {@code content_type}. */
  static String headerColumn(String header) {
    return header.replace('-', '_').toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return "OutboxEvent[" + id + " to " + topic + ", " + payload.length + " bytes]";
  }
}
