package io.mailsync.linker.stream;

import io.mailsync.contracts.Topics;
import io.mailsync.contracts.kafka.ContractDecoder;
import io.mailsync.contracts.kafka.PoisonRecord;
import io.mailsync.contracts.message.MessageFetched;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads a {@code MessageFetched}, checked as every consumer checks it ({@link ContractDecoder}); a
 * record that cannot be read, or whose identity cannot be a state-store key part, is a {@link
 * PoisonRecord}.
 */
final class MessageParser {

  static List<LinkerInput> parse(byte[] value) {
    MessageFetched message = ContractDecoder.decode(Topics.MESSAGES, value, MessageFetched.class);
    // Its identities become state-store key parts, which NUL separates.
    if (!Stream.of(message.id(), message.tenantId(), message.messageKey())
        .allMatch(StoreKeys::isSafePart)) {
      throw new PoisonRecord(
          "MessageFetched with a NUL character in its id, tenantId or messageKey");
    }
    return List.of(new LinkerInput.MessageInput(message));
  }

  private MessageParser() {}
}
