package io.mailsync.linker.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailsync.contracts.EventJson;
import io.mailsync.contracts.kafka.PoisonRecord;
import io.mailsync.linker.Fixtures;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MessageParserTest {

  private final ObjectNode message =
      EventJson.mapper()
          .valueToTree(Fixtures.message("tenant-a", Instant.now(), "bob@customer.test"));

  @Test
  void aUsableMessageIsOneInput() {
    assertThat(MessageParser.parse(Fixtures.json(message)))
        .singleElement()
        .isInstanceOf(LinkerInput.MessageInput.class);
  }

  @Test
  void anIdentityThatCannotBeAStoreKeyPartIsPoison() {
    message.put("tenantId", "tenant\0b");

    assertThatThrownBy(() -> MessageParser.parse(Fixtures.json(message)))
        .isInstanceOf(PoisonRecord.class)
        .hasMessageContaining("NUL");
  }

  @Test
  void whatTheContractRequiresIsCheckedAsEveryConsumerChecksIt() {
    message.remove("copy");

    assertThatThrownBy(() -> MessageParser.parse(Fixtures.json(message)))
        .isInstanceOf(PoisonRecord.class)
        .hasMessage("MessageFetched without copy");
  }
}
