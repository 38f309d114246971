package io.mailsync.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.contracts.MessageIdentity.Part;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageKeyTest {

  private static final Instant DATE = Instant.parse("2026-11-23T09:14:02Z");
  private static final String TEXT_SHA = "a".repeat(64);
  private static final String HTML_SHA = "b".repeat(64);

  @Test
  void messageIdKeyNamesTheIdWithoutBracketsAndABindingToSenderAndDate() {
    String key = key("  <abc@example.com> ", "bob@customer.test", DATE);

    assertThat(key).matches("mid:abc@example\\.com#[0-9a-f]{16}");
  }

  @Test
  void aDifferentMailReusingAMessageIdIsAnotherMessage() {
    String original = key("<abc@example.com>", "bob@customer.test", DATE);

    assertThat(key("<abc@example.com>", "eve@elsewhere.test", DATE)).isNotEqualTo(original);
    assertThat(key("<abc@example.com>", "bob@customer.test", DATE.plusSeconds(3600)))
        .isNotEqualTo(original);
  }

  @Test
  void everyCopyOfOneMailHasOneKey() {
    String original = key("<abc@example.com>", "bob@customer.test", DATE);

    // the sender holds the date with sub-second precision; headers carry whole seconds and offsets
    assertThat(key("abc@example.com", "Bob@Customer.TEST", DATE.plusMillis(456)))
        .isEqualTo(original);
    Instant sameInstant = OffsetDateTime.parse("2026-11-23T10:14:02+01:00").toInstant();
    assertThat(key("<abc@example.com>", " bob@customer.test ", sameInstant)).isEqualTo(original);
    // the fetcher passes everything it read; beyond sender and date it does not count
    assertThat(MessageKey.of(fetched("<abc@example.com>", "Any subject"))).isEqualTo(original);
  }

  @Test
  void anUnparsableDateBindsAsWritten() {
    MessageIdentity written = identity("<abc@example.com>", List.of(), "Someday, soon", null);
    MessageIdentity other = identity("<abc@example.com>", List.of(), "Another day", null);

    assertThat(MessageKey.of(written)).isNotEqualTo(MessageKey.of(other));
    assertThat(MessageKey.of(identity("<abc@example.com>", List.of(), " Someday,  soon ", null)))
        .isEqualTo(MessageKey.of(written));
  }

  @Test
  void withoutAMessageIdTheKeyIsAContentHash() {
    String key = MessageKey.of(withoutId(textAndHtml()));

    assertThat(key).matches("sha256:[0-9a-f]{64}");
    assertThat(MessageKey.of(withoutId(textAndHtml()))).isEqualTo(key);
    MessageIdentity emptyId =
        new MessageIdentity(
            "<>", from(), List.of("ann@acme.test"), List.of(), DATE, null, "Quote", textAndHtml());
    assertThat(MessageKey.of(emptyId)).isEqualTo(key);
  }

  @Test
  void mailsWithoutAMessageIdThatDifferOnlyInTheirHtmlOrAttachmentsStayApart() {
    String key = MessageKey.of(withoutId(textAndHtml()));

    List<Part> otherHtml =
        List.of(new Part("text/plain", 120, TEXT_SHA), new Part("text/html", 480, "c".repeat(64)));
    List<Part> withAttachment = append(textAndHtml(), new Part("application/pdf", 20_000, null));
    List<Part> otherAttachmentSize =
        append(textAndHtml(), new Part("application/pdf", 20_001, null));
    List<Part> otherAttachmentType = append(textAndHtml(), new Part("image/png", 20_000, null));

    assertThat(MessageKey.of(withoutId(otherHtml))).isNotEqualTo(key);
    assertThat(MessageKey.of(withoutId(withAttachment))).isNotEqualTo(key);
    assertThat(MessageKey.of(withoutId(otherAttachmentSize)))
        .isNotEqualTo(MessageKey.of(withoutId(withAttachment)));
    assertThat(MessageKey.of(withoutId(otherAttachmentType)))
        .isNotEqualTo(MessageKey.of(withoutId(withAttachment)));
  }

  @Test
  void contentHashCoversEveryHeaderItNames() {
    MessageIdentity base = withoutId(textAndHtml());
    String key = MessageKey.of(base);

    assertThat(
            List.of(
                new MessageIdentity(
                    null,
                    List.of("eve@x.test"),
                    base.to(),
                    base.cc(),
                    DATE,
                    null,
                    "Quote",
                    base.parts()),
                new MessageIdentity(
                    null,
                    base.from(),
                    List.of("carl@acme.test"),
                    base.cc(),
                    DATE,
                    null,
                    "Quote",
                    base.parts()),
                new MessageIdentity(
                    null,
                    base.from(),
                    base.to(),
                    List.of("carl@acme.test"),
                    DATE,
                    null,
                    "Quote",
                    base.parts()),
                new MessageIdentity(
                    null,
                    base.from(),
                    base.to(),
                    base.cc(),
                    DATE.plusSeconds(1),
                    null,
                    "Quote",
                    base.parts()),
                new MessageIdentity(
                    null,
                    base.from(),
                    base.to(),
                    base.cc(),
                    DATE,
                    null,
                    "Re: Quote",
                    base.parts())))
        .extracting(MessageKey::of)
        .doesNotContain(key)
        .doesNotHaveDuplicates();
  }

  @Test
  void recipientsCountAsSetsAndTheirListsStayApart() {
    MessageIdentity ordered =
        new MessageIdentity(
            null, from(), List.of("a@x.test", "b@x.test"), List.of(), DATE, null, "s", List.of());
    MessageIdentity reordered =
        new MessageIdentity(
            null,
            from(),
            List.of("B@x.test", "a@x.test", "a@x.test"),
            List.of(),
            DATE,
            null,
            "s",
            List.of());
    MessageIdentity shifted =
        new MessageIdentity(
            null, from(), List.of("a@x.test"), List.of("b@x.test"), DATE, null, "s", List.of());

    assertThat(MessageKey.of(reordered)).isEqualTo(MessageKey.of(ordered));
    assertThat(MessageKey.of(shifted)).isNotEqualTo(MessageKey.of(ordered));
  }

  @Test
  void overlongMessageIdsAreHashedStillBoundToTheirSender() {
    String longId = "<" + "x".repeat(300) + "@example.com>";

    assertThat(key(longId, "bob@customer.test", DATE)).matches("sha256:[0-9a-f]{64}");
    assertThat(key(longId, "eve@elsewhere.test", DATE))
        .isNotEqualTo(key(longId, "bob@customer.test", DATE));
  }

  @Test
  void controlCharactersAreDroppedFromTheMessageId() {
    assertThat(key("<a\u0000b@example.com>", "bob@customer.test", DATE))
        .isEqualTo(key("<ab@example.com>", "bob@customer.test", DATE))
        .startsWith("mid:ab@example.com#");
  }

  private static String key(String messageId, String from, Instant date) {
    return MessageKey.of(MessageIdentity.withMessageId(messageId, from, date));
  }

  /** All a fetcher reads of a copy. */
  private static MessageIdentity fetched(String messageId, String subject) {
    return new MessageIdentity(
        messageId, from(), List.of("ann@acme.test"), List.of(), DATE, null, subject, textAndHtml());
  }

  private static MessageIdentity identity(
      String messageId, List<Part> parts, String rawDate, Instant date) {
    return new MessageIdentity(messageId, from(), List.of(), List.of(), date, rawDate, "s", parts);
  }

  private static MessageIdentity withoutId(List<Part> parts) {
    return new MessageIdentity(
        null, from(), List.of("ann@acme.test"), List.of(), DATE, null, "Quote", parts);
  }

  private static List<String> from() {
    return List.of("bob@customer.test");
  }

  private static List<Part> textAndHtml() {
    return List.of(new Part("text/plain", 120, TEXT_SHA), new Part("text/html", 480, HTML_SHA));
  }

  private static List<Part> append(List<Part> parts, Part part) {
    List<Part> all = new ArrayList<>(parts);
    all.add(part);
    return all;
  }

  @Test
  void bracketsComeOffOnlyAsAPairAroundTheWholeId() {
    assertThat(MessageKey.withoutBrackets(" <a@b> ")).isEqualTo("a@b");
    assertThat(MessageKey.withoutBrackets("< a@b >")).isEqualTo(" a@b ");
    assertThat(MessageKey.withoutBrackets("<a@b")).isEqualTo("<a@b");
    assertThat(MessageKey.withoutBrackets("a@b")).isEqualTo("a@b");
  }
}
