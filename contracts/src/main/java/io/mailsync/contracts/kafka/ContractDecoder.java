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
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Turns the bytes a consumer read into contract records. Consumers read keys and values as bytes
 * and decode them here rather than in a Kafka deserializer, so that a record which cannot be
 * decoded is still in hand byte for byte when it goes to the dead-letter topic; what cannot be
 * decoded is a {@link PoisonRecord} saying why.
 */
public final class ContractDecoder {

  /** The CloudEvents binary-mode header that names the record type. */
  public static final String TYPE_HEADER = "ce_type";

  /** The record {@code value} as a {@code type}; {@code null} for a tombstone. */
  public static <T extends ContractRecord> T decode(String topic, byte[] value, Class<T> type) {
    if (value == null) {
      return null;
    }
    try {
      return EventJson.mapper().readValue(value, type);
    } catch (IOException e) {
      throw new PoisonRecord(
          "not a " + type.getSimpleName() + " on " + topic + ": " + describe(e), e);
    }
  }

  /**
   * For a topic that carries several record types: the {@value #TYPE_HEADER} header says which, and
   * only types declared for {@code topic} are accepted, so nothing is guessed at.
   */
  public static ContractRecord decodeByType(String topic, Headers headers, byte[] value) {
    if (value == null) {
      return null;
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

  /** A record key, which every Mailsync producer writes as UTF-8 text; {@code null} if absent. */
  public static String key(byte[] key) {
    if (key == null) {
      return null;
    }
    return text(key).orElseThrow(() -> new PoisonRecord("record key is not UTF-8 text"));
  }

  /** {@code bytes} as UTF-8 text, if they are that and nothing else. */
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

  /** Jackson's message without the quoted source it appends, which would repeat the record. */
  private static String describe(IOException e) {
    return e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
  }

  private ContractDecoder() {}
}
