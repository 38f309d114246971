package io.mailsync.contracts.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class DeadLetterTest {

  @Test
  void saysWhyAndWhereBeforeTheSourceHeadersAndGivesThemBackUnchanged() {
    Headers source = new RecordHeaders();
    source.add("ce_id", bytes("e1"));
    source.add("tenant_id", new byte[] {(byte) 0xff, 0});
    PoisonRecord failure = new PoisonRecord("unreadable", new IllegalStateException("deeper"));

    Headers dead = DeadLetter.headers(source, failure, "mailsync.messages.v1", 3, 42);

    assertThat(DeadLetter.text(dead, DeadLetter.REASON)).contains("unreadable");
    assertThat(DeadLetter.text(dead, DeadLetter.EXCEPTION_CLASS_NAME))
        .contains(PoisonRecord.class.getName());
    assertThat(DeadLetter.text(dead, DeadLetter.CAUSE)).contains("deeper");
    assertThat(DeadLetter.text(dead, DeadLetter.CAUSE_CLASS_NAME))
        .contains(IllegalStateException.class.getName());
    assertThat(DeadLetter.text(dead, DeadLetter.TOPIC)).contains("mailsync.messages.v1");
    assertThat(DeadLetter.text(dead, DeadLetter.PARTITION)).contains("3");
    assertThat(DeadLetter.text(dead, DeadLetter.OFFSET)).contains("42");
    assertThat(DeadLetter.sourceHeaders(dead).toArray()).containsExactly(source.toArray());
    assertThat(DeadLetter.source(dead))
        .contains(new RecordCoordinates("mailsync.messages.v1", 3, 42))
        .map(RecordCoordinates::toString)
        .contains("mailsync.messages.v1-3@42");
  }

  @Test
  void aDeadLetterThatDoesNotSayWhereInFullNamesNoSource() {
    Headers partial = new RecordHeaders();
    partial.add(DeadLetter.TOPIC, bytes("t"));
    partial.add(DeadLetter.PARTITION, bytes("0"));
    Headers garbled = new RecordHeaders(partial.toArray());
    garbled.add(DeadLetter.OFFSET, bytes("seven"));

    assertThat(DeadLetter.source(partial)).isEmpty();
    assertThat(DeadLetter.source(garbled)).isEmpty();
  }

  @Test
  void aFailureWithoutCauseOrMessageStillSaysWhat() {
    Headers dead = DeadLetter.headers(new RecordHeaders(), new IllegalStateException(), "t", 0, 0);

    assertThat(DeadLetter.text(dead, DeadLetter.REASON))
        .contains(IllegalStateException.class.getName());
    assertThat(dead.lastHeader(DeadLetter.CAUSE)).isNull();
    assertThat(DeadLetter.sourceHeaders(dead).toArray()).isEmpty();
  }

  @Test
  void theDeadLettersOwnHeaderComesFirstWhenTheSourceCarriedOneToo() {
    Headers source = new RecordHeaders();
    source.add(DeadLetter.REASON, bytes("an earlier failure"));

    Headers dead = DeadLetter.headers(source, new PoisonRecord("now"), "t", 0, 7);

    assertThat(DeadLetter.text(dead, DeadLetter.REASON)).contains("now");
    assertThat(DeadLetter.source(dead)).contains(new RecordCoordinates("t", 0, 7));
    assertThat(DeadLetter.sourceHeaders(dead).toArray())
        .extracting(Header::key)
        .doesNotContainAnyElementsOf(DeadLetter.HEADERS);
  }

  @Test
  void readsOnlyTheDeadLettersOwnHeaders() {
    assertThatThrownBy(() -> DeadLetter.text(new RecordHeaders(), "ce_id"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
