package io.mailsync.contracts.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailsync.contracts.ContractRecord;
import io.mailsync.contracts.Topics;
import io.mailsync.contracts.link.MessageUnmatched;
import io.mailsync.contracts.send.SendEmail;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class ContractDecoderTest {

  @Test
  void readsTheNamedRecordTypeAndCallsAnythingElsePoison() {
    assertThat(
            ContractDecoder.decode(
                "t", bytes("{\"id\":\"c1\",\"tenantId\":\"t1\"}"), SendEmail.class))
        .extracting(SendEmail::id, SendEmail::tenantId)
        .containsExactly("c1", "t1");
    assertThatThrownBy(() -> ContractDecoder.decode("t", bytes("[1, 2]"), SendEmail.class))
        .isInstanceOf(PoisonRecord.class)
        .hasMessageStartingWith("not a SendEmail on t: ")
        .hasMessageNotContaining("[1, 2]")
        .hasCauseInstanceOf(java.io.IOException.class);
    assertThat(ContractDecoder.decode("t", null, SendEmail.class)).as("tombstone").isNull();
  }

  @Test
  void readsTheTypeItsCloudEventsHeaderNamesAmongThoseOfTheTopic() {
    String json =
        "{\"id\":\"u1\",\"tenantId\":\"t1\",\"messageKey\":\"k\",\"occurredAt\":\"2026-01-01T00:00:00Z\"}";
    RecordHeaders unmatched = new RecordHeaders();
    unmatched.add(ContractDecoder.TYPE_HEADER, bytes("io.mailsync.message.unmatched.v1"));

    ContractRecord decision = ContractDecoder.decodeByType(Topics.LINKS, unmatched, bytes(json));

    assertThat(decision).isInstanceOf(MessageUnmatched.class);
    assertThatThrownBy(() -> ContractDecoder.decodeByType(Topics.SENT, unmatched, bytes(json)))
        .isInstanceOf(PoisonRecord.class)
        .hasMessageContaining("unexpected ce_type");
    assertThatThrownBy(
            () -> ContractDecoder.decodeByType(Topics.LINKS, new RecordHeaders(), bytes(json)))
        .isInstanceOf(PoisonRecord.class)
        .hasMessageContaining("need a ce_type header");
  }

  @Test
  void keysAreUtf8TextOrPoison() {
    assertThat(ContractDecoder.key(bytes("tenant/ä"))).isEqualTo("tenant/ä");
    assertThat(ContractDecoder.key(null)).isNull();
    assertThatThrownBy(() -> ContractDecoder.key(new byte[] {(byte) 0xc3, (byte) 0x28}))
        .isInstanceOf(PoisonRecord.class)
        .hasMessageContaining("not UTF-8");
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
