package io.mailsync.linker.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.mailsync.contracts.EventJson;
import io.mailsync.contracts.message.MessageFetched;
import java.io.IOException;
import java.util.List;

/** Reads a {@code MessageFetched} and checks it carries what a link decision is keyed by. */
final class MessageParser {

  static List<LinkerInput> parse(byte[] value) {
    if (value == null) {
      throw new IllegalArgumentException("empty value where a MessageFetched was expected");
    }
    MessageFetched message;
    try {
      message = EventJson.mapper().readValue(value, MessageFetched.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a MessageFetched: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new IllegalArgumentException("unreadable MessageFetched: " + e.getMessage());
    }
    if (message == null) {
      throw new IllegalArgumentException("null where a MessageFetched was expected");
    }
    requireText(message.id(), "id");
    requireText(message.tenantId(), "tenantId");
    requireText(message.messageKey(), "messageKey");
    if (message.occurredAt() == null) {
      throw new IllegalArgumentException("MessageFetched without occurredAt");
    }
    return List.of(new LinkerInput.MessageInput(message));
  }

  private static void requireText(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("MessageFetched without " + field);
    }
    // Identities become state-store key parts, which NUL separates.
    if (!StoreKeys.isSafePart(value)) {
      throw new IllegalArgumentException("MessageFetched " + field + " contains a NUL character");
    }
  }

  private MessageParser() {}
}
