package io.mailsync.contracts.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.mailsync.contracts.ContractRecord;
import io.mailsync.contracts.EventJson;
import io.mailsync.contracts.EventType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Turns the bytes a consumer read into contract records. Consumers read keys and values as bytes
 * and decode them here rather than in a Kafka deserializer, so that a record which cannot be
 * decoded is still in hand byte for byte when it goes to the dead-letter topic; what cannot be
 * decoded, or lacks what its contract requires, is a {@link PoisonRecord} saying why. Checking
 * here, once for every consumer, gives every refusal the same words.
 */
public final class ContractDecoder {

  /** The CloudEvents binary-mode header that names the record type. */
  public static final String TYPE_HEADER = "ce_type";

  /**
   * The record {@code value} as a {@code type}, for a topic without tombstones: a record without a
   * value, or one that lacks what its consumers need ({@link ContractRecord#required}), is poison.
   */
  public static <T extends ContractRecord> T decode(String topic, byte[] value, Class<T> type) {
    if (value == null) {
      throw new PoisonRecord(
          "not a " + type.getSimpleName() + " on " + topic + ": the record has no value");
    }
    T record;
    try {
      record = EventJson.mapper().readValue(value, type);
    } catch (IOException e) {
      throw new PoisonRecord(
          "not a " + type.getSimpleName() + " on " + topic + ": " + describe(e), e);
    }
    requireUsable(record);
    return record;
  }

  /**
   * For a topic that carries several record types: the {@value #TYPE_HEADER} header says which, and
   * only types declared for {@code topic} are accepted, so nothing is guessed at. Checked as {@link
   * #decode} checks.
   */
  public static ContractRecord decodeByType(String topic, Headers headers, byte[] value) {
    if (value == null) {
      throw new PoisonRecord("not a contract record on " + topic + ": the record has no value");
    }
    Header typeHeader = headers.lastHeader(TYPE_HEADER);
    if (typeHeader == null) {
      throw new PoisonRecord("records on " + topic + " need a " + TYPE_HEADER + " header");
    }
    String ceType = new String(typeHeader.value(), StandardCharsets.UTF_8);
    EventType type =
        EventType.forCloudEventType(ceType)
            .filter(t -> t.topic().equals(topic))
            .orElseThrow(
                () ->
                    new PoisonRecord("unexpected " + TYPE_HEADER + " " + ceType + " on " + topic));
    return decode(topic, value, type.recordType());
  }

  /**
   * A record of a compacted topic, where the record key names what the value is the latest state
   * of: a tombstone (no value) needs a key, and a value's own key must be the record key, or a
   * later tombstone would miss it. A value that arrives without a record key stands for its own.
   */
  public static <T extends ContractRecord> Latest<T> decodeLatest(
      String topic, byte[] key, byte[] value, Class<T> type) {
    String recordKey = key(key);
    if (value == null) {
      if (recordKey == null || recordKey.isBlank()) {
        throw new PoisonRecord("tombstone without a key on " + topic + " names nothing to delete");
      }
      return new Latest<>(recordKey, null);
    }
    T record = decode(topic, value, type);
    if (recordKey != null && !recordKey.equals(record.key())) {
      throw new PoisonRecord(
          "record key "
              + recordKey
              + " does not match the key "
              + record.key()
              + " of its "
              + type.getSimpleName());
    }
    return new Latest<>(record.key(), record);
  }

  /**
   * The latest state under {@code key} on a compacted topic; {@code value} is null for a tombstone.
   */
  public record Latest<T extends ContractRecord>(String key, T value) {}

  /** A record key, which every Mailsync producer writes as UTF-8 text; {@code null} if absent. */
  public static String key(byte[] key) {
    if (key == null) {
      return null;
    }
    return text(key).orElseThrow(() -> new PoisonRecord("record key is not UTF-8 text"));
  }

  /**
   * {@code bytes} as UTF-8 text, if they are that and nothing else: the one strict UTF-8 check, for
   * record keys here and for mail headers in the fetcher.
   */
  public static Optional<String> text(byte[] bytes) {
    try {
      return Optional.of(
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  private static void requireUsable(ContractRecord record) {
    List<String> missing = record.required().missing();
    if (!missing.isEmpty()) {
      throw new PoisonRecord(
          record.getClass().getSimpleName() + " without " + String.join(", ", missing));
    }
    try {
      record.key();
    } catch (IllegalArgumentException e) {
      throw new PoisonRecord(
          record.getClass().getSimpleName() + " without a usable key: " + e.getMessage(), e);
    }
  }

  /** Jackson's message without the quoted source it appends, which would repeat the record. */
  private static String describe(IOException e) {
    return e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
  }

  private ContractDecoder() {}
}
