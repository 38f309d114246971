package io.mailsync.contracts.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailsync.contracts.ContractRecord;
import io.mailsync.contracts.Topics;
import io.mailsync.contracts.kafka.ContractDecoder.Latest;
import io.mailsync.contracts.link.MessageUnmatched;
import io.mailsync.contracts.mailbox.MailboxConfigured;
import io.mailsync.contracts.message.MessageFetched;
import io.mailsync.contracts.send.SendEmail;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class ContractDecoderTest {

  private static final String COMMON =
      "\"id\":\"c1\",\"tenantId\":\"t1\",\"occurredAt\":\"2026-01-01T00:00:00Z\"";
  private static final String COMMAND =
      "{" + COMMON + ",\"mailboxId\":\"m1\",\"requestedBy\":\"u1\"}";
  private static final String MAILBOX =
      "{" + COMMON + ",\"mailboxId\":\"m1\",\"emailAddress\":\"a@b.test\",\"state\":\"ACTIVE\"}";

  @Test
  void readsTheNamedRecordTypeAndCallsAnythingElsePoison() {
    assertThat(ContractDecoder.decode("t", bytes(COMMAND), SendEmail.class))
        .extracting(SendEmail::id, SendEmail::tenantId, SendEmail::key)
        .containsExactly("c1", "t1", "t1/m1");
    assertThatThrownBy(() -> ContractDecoder.decode("t", bytes("[1, 2]"), SendEmail.class))
        .isInstanceOf(PoisonRecord.class)
        .hasMessageStartingWith("not a SendEmail on t: ")
        .hasMessageNotContaining("[1, 2]")
        .hasCauseInstanceOf(java.io.IOException.class);
    assertThatThrownBy(() -> ContractDecoder.decode("t", null, SendEmail.class))
        .as("a tombstone where none belong")
        .isInstanceOf(PoisonRecord.class)
        .hasMessage("not a SendEmail on t: the record has no value");
  }

  @Test
  void aRecordLackingWhatItsConsumersNeedIsPoisonNamingEverythingMissing() {
    assertThatThrownBy(
            () ->
                ContractDecoder.decode(
                    "t", bytes("{\"id\":\"c1\",\"tenantId\":\" \"}"), SendEmail.class))
        .isInstanceOf(PoisonRecord.class)
        .hasMessage("SendEmail without tenantId, occurredAt, mailboxId, requestedBy");
    assertThatThrownBy(
            () ->
                ContractDecoder.decode(
                    "t", bytes("{" + COMMON + ",\"messageKey\":\"k\"}"), MessageFetched.class))
        .isInstanceOf(PoisonRecord.class)
        .hasMessage("MessageFetched without copy");
  }

  @Test
  void readsTheTypeItsCloudEventsHeaderNamesAmongThoseOfTheTopic() {
    String json = "{" + COMMON + ",\"messageKey\":\"k\",\"reason\":\"DENY_LISTED\"}";
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
    assertThatThrownBy(
            () ->
                ContractDecoder.decodeByType(
                    Topics.LINKS, unmatched, bytes("{" + COMMON + ",\"reason\":\"DENY_LISTED\"}")))
        .isInstanceOf(PoisonRecord.class)
        .hasMessage("MessageUnmatched without messageKey");
    assertThatThrownBy(() -> ContractDecoder.decodeByType(Topics.LINKS, unmatched, null))
        .isInstanceOf(PoisonRecord.class)
        .hasMessageContaining("the record has no value");
  }

  @Test
  void theLatestStateOnACompactedTopicIsUnderItsOwnKey() {
    Latest<MailboxConfigured> latest =
        ContractDecoder.decodeLatest(
            Topics.MAILBOXES, bytes("t1/m1"), bytes(MAILBOX), MailboxConfigured.class);
    assertThat(latest.key()).isEqualTo("t1/m1");
    assertThat(latest.value().emailAddress()).isEqualTo("a@b.test");
    assertThat(
            ContractDecoder.decodeLatest(
                    Topics.MAILBOXES, null, bytes(MAILBOX), MailboxConfigured.class)
                .key())
        .as("a value without a record key stands for its own")
        .isEqualTo("t1/m1");
    assertThat(
            ContractDecoder.decodeLatest(
                Topics.MAILBOXES, bytes("t1/m1"), null, MailboxConfigured.class))
        .as("tombstone")
        .isEqualTo(new Latest<>("t1/m1", null));

    assertThatThrownBy(
            () ->
                ContractDecoder.decodeLatest(
                    Topics.MAILBOXES, bytes("t1/other"), bytes(MAILBOX), MailboxConfigured.class))
        .isInstanceOf(PoisonRecord.class)
        .hasMessage("record key t1/other does not match the key t1/m1 of its MailboxConfigured");
    assertThatThrownBy(
            () ->
                ContractDecoder.decodeLatest(
                    Topics.MAILBOXES, bytes(" "), null, MailboxConfigured.class))
        .isInstanceOf(PoisonRecord.class)
        .hasMessageContaining("tombstone without a key");
    assertThatThrownBy(
            () ->
                ContractDecoder.decodeLatest(
                    Topics.MAILBOXES,
                    bytes("t1/m1"),
                    bytes("{" + COMMON + ",\"mailboxId\":\"m1\"}"),
                    MailboxConfigured.class))
        .isInstanceOf(PoisonRecord.class)
        .hasMessage("MailboxConfigured without emailAddress, state");
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
