package io.mailsync.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailsync.contracts.message.FetchedCopy;
import org.junit.jupiter.api.Test;

class IdentityTest {

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
