package io.mailsync.linker.stream;

import io.mailsync.contracts.Topics;
import io.mailsync.contracts.kafka.ContractDecoder;
import io.mailsync.contracts.kafka.PoisonRecord;
import io.mailsync.contracts.message.MessageFetched;
import java.util.List;

/**
 * Reads a {@code MessageFetched} and checks it carries what a link decision is keyed by; a record
 * that does not is a {@link PoisonRecord}.
 */
final class MessageParser {

  static List<LinkerInput> parse(byte[] value) {
    MessageFetched message = ContractDecoder.decode(Topics.MESSAGES, value, MessageFetched.class);
    if (message == null) {
      throw new PoisonRecord("empty value where a MessageFetched was expected");
    }
    requireText(message.id(), "id");
    requireText(message.tenantId(), "tenantId");
    requireText(message.messageKey(), "messageKey");
    if (message.occurredAt() == null) {
      throw new PoisonRecord("MessageFetched without occurredAt");
    }
    return List.of(new LinkerInput.MessageInput(message));
  }

  private static void requireText(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new PoisonRecord("MessageFetched without " + field);
    }
    // Identities become state-store key parts, which NUL separates.
    if (!StoreKeys.isSafePart(value)) {
      throw new PoisonRecord("MessageFetched " + field + " contains a NUL character");
    }
  }

  private MessageParser() {}
}
