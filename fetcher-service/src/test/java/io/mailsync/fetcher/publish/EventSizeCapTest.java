package io.mailsync.fetcher.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.contracts.EventJson;
import io.mailsync.contracts.message.AttachmentMetadata;
import io.mailsync.contracts.message.FetchedCopy;
import io.mailsync.contracts.message.MessageBody;
import io.mailsync.contracts.message.MessageFetched;
import io.mailsync.contracts.message.Participant;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EventSizeCapTest {

  private static final int MAX = 900_000;
  private final EventSizeCap cap = new EventSizeCap(MAX);

  @Test
  void leavesEventsThatFitAlone() {
    MessageFetched small = event(new MessageBody("hi", "<p>hi</p>", false, false), 2, 2, null);

    assertThat(cap.fit(small)).isSameAs(small);
  }

  @Test
  void dropsHtmlFirstWhenThatIsEnough() throws Exception {
    String cjk = "郵件同步".repeat(65_536); // 262144 chars, 3 bytes each in UTF-8
    MessageFetched big =
        event(new MessageBody(cjk, "<p>" + cjk + "</p>", false, false), 2, 2, null);
    assertThat(bytes(big)).isGreaterThan(1_048_576);

    MessageFetched fitted = cap.fit(big);

    assertThat(bytes(fitted)).isLessThanOrEqualTo(MAX);
    assertThat(fitted.body().html()).isNull();
    assertThat(fitted.body().htmlTruncated()).isTrue();
    assertThat(fitted.body().text()).isEqualTo(cjk);
    assertThat(fitted.body().textTruncated()).isFalse();
    assertThat(fitted.parseError()).isEqualTo("event over 900000 bytes: html dropped");
    assertThat(fitted.copy()).isEqualTo(big.copy());
  }

  @Test
  void thenTruncatesTextKeepingSurrogatePairsWhole() throws Exception {
    String emoji = "\uD83D\uDCE7".repeat(300_000); // 4 bytes each, over the cap alone
    MessageFetched big = event(new MessageBody(emoji, "<p>x</p>", false, false), 2, 2, "bad mime");

    MessageFetched fitted = cap.fit(big);

    assertThat(bytes(fitted)).isLessThanOrEqualTo(MAX).isGreaterThan(MAX - 2_000);
    assertThat(fitted.body().text()).isNotEmpty();
    assertThat(emoji).startsWith(fitted.body().text());
    assertThat(fitted.body().text().length() % 2).isZero();
    assertThat(fitted.body().textTruncated()).isTrue();
    assertThat(fitted.parseError())
        .isEqualTo("bad mime; event over 900000 bytes: html dropped, text truncated");
  }

  @Test
  void thenCutsAttachmentsAndParticipantsBeyondTheirLimits() throws Exception {
    MessageFetched crowded = event(new MessageBody("t", null, false, false), 12_000, 6_000, null);
    assertThat(bytes(crowded)).isGreaterThan(MAX);

    MessageFetched fitted = cap.fit(crowded);

    assertThat(bytes(fitted)).isLessThanOrEqualTo(MAX);
    assertThat(fitted.body().text()).isEmpty();
    assertThat(fitted.attachments()).hasSize(100).isEqualTo(crowded.attachments().subList(0, 100));
    assertThat(fitted.participants())
        .hasSize(500)
        .isEqualTo(crowded.participants().subList(0, 500));
    assertThat(fitted.parseError())
        .isEqualTo(
            "event over 900000 bytes: text truncated, attachments beyond 100 dropped,"
                + " participants beyond 500 dropped");
  }

  @Test
  void neverLeavesAnEventOverTheCap() throws Exception {
    String huge = "x".repeat(1_000_000);
    MessageFetched e = event(new MessageBody(null, null, false, false), 1, 1, null);
    MessageFetched absurd =
        new MessageFetched(
            e.id(),
            e.tenantId(),
            e.occurredAt(),
            e.copy(),
            e.messageKey(),
            "<" + huge + ">",
            null,
            List.of(huge),
            huge,
            null,
            null,
            e.participants(),
            e.body(),
            e.attachments(),
            false,
            null);

    MessageFetched fitted = cap.fit(absurd);

    assertThat(bytes(fitted)).isLessThanOrEqualTo(MAX);
    assertThat(fitted.subject()).hasSize(1000);
    assertThat(fitted.messageKey()).isEqualTo(absurd.messageKey());
    assertThat(fitted.parseError()).contains("header values shortened");
  }

  private static MessageFetched event(
      MessageBody body, int participants, int attachments, String parseError) {
    FetchedCopy copy = new FetchedCopy("mailbox-1", "INBOX", 7, 42);
    return new MessageFetched(
        copy.eventId(),
        "tenant-1",
        Instant.parse("2025-03-04T09:15:30Z"),
        copy,
        "mid:big@customer.test",
        "<big@customer.test>",
        null,
        List.of(),
        "Big",
        null,
        null,
        IntStream.range(0, participants)
            .mapToObj(
                i ->
                    new Participant(
                        Participant.Role.TO,
                        "recipient-" + i + "@customer.test",
                        "Recipient number " + i + " of a very long list"))
            .toList(),
        body,
        IntStream.range(0, attachments)
            .mapToObj(
                i ->
                    new AttachmentMetadata(
                        Integer.toString(i + 2),
                        "scan-" + i + "-with-a-descriptive-file-name.pdf",
                        "application/pdf",
                        1000L * i,
                        null,
                        false))
            .toList(),
        false,
        parseError);
  }

  private static int bytes(MessageFetched event) throws Exception {
    return EventJson.mapper().writeValueAsBytes(event).length;
  }
}
