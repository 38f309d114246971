package io.mailsync.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailsync.contracts.message.FetchedCopy;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdentityTest {

  @Test
  void messageKeyUsesTheMessageIdWithoutBrackets() {
    assertThat(MessageKey.of("  <abc@example.com> ", List.of("ignored")))
        .isEqualTo("mid:abc@example.com");
  }

  @Test
  void messageKeyFallsBackToAStableContentHash() {
    List<String> content = List.of("bob@customer.test", "ann@acme.test", "Quote", "Hello");

    String key = MessageKey.of(null, content);

    assertThat(key).matches("sha256:[0-9a-f]{64}");
    assertThat(MessageKey.of("  ", content)).isEqualTo(key);
    assertThat(MessageKey.of("<>", content)).isEqualTo(key);
    assertThat(MessageKey.of(null, List.of("bob@customer.test", "ann@acme.test", "Quote", "Bye")))
        .isNotEqualTo(key);
  }

  @Test
  void overlongMessageIdsAreHashedAndControlCharactersDropped() {
    String longId = "<" + "x".repeat(300) + "@example.com>";

    assertThat(MessageKey.of(longId, List.of())).matches("sha256:[0-9a-f]{64}");
    assertThat(MessageKey.of(longId, List.of())).isEqualTo(MessageKey.of(longId, List.of("other")));
    assertThat(MessageKey.of("<a\u0000b@example.com>", List.of())).isEqualTo("mid:ab@example.com");
  }

  @Test
  void contentHashSeparatesItsParts() {
    assertThat(MessageKey.of(null, List.of("ab", "c")))
        .isNotEqualTo(MessageKey.of(null, List.of("a", "bc")));
  }

  @Test
  void fetchedCopyIdIsDeterministicAndDistinguishesEveryPart() {
    FetchedCopy copy = new FetchedCopy("m1", "INBOX", 7, 42);

    assertThat(copy.eventId()).isEqualTo(new FetchedCopy("m1", "INBOX", 7, 42).eventId());
    assertThat(copy.eventId())
        .isNotEqualTo(new FetchedCopy("m2", "INBOX", 7, 42).eventId())
        .isNotEqualTo(new FetchedCopy("m1", "Sent", 7, 42).eventId())
        .isNotEqualTo(new FetchedCopy("m1", "INBOX", 8, 42).eventId())
        .isNotEqualTo(new FetchedCopy("m1", "INBOX", 7, 43).eventId());
  }

  @Test
  void keysStartWithTheTenantAndRefuseBlanks() {
    assertThat(Keys.message("t1", "mid:a@b")).isEqualTo("t1/mid:a@b");
    assertThat(Keys.mailbox("t1", "m1")).isEqualTo("t1/m1");
    assertThatThrownBy(() -> Keys.mailbox(" ", "m1")).hasMessageContaining("tenantId");
    assertThatThrownBy(() -> Keys.message("t1", null)).hasMessageContaining("id");
  }

  @Test
  void everyRecordTypeHasOneCloudEventType() {
    for (EventType type : EventType.values()) {
      assertThat(EventType.forCloudEventType(type.cloudEventType())).contains(type);
      assertThat(EventType.forRecordType(type.recordType())).contains(type);
    }
  }
}
