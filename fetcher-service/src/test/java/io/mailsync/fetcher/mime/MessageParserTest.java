package io.mailsync.fetcher.mime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailsync.contracts.MessageIdentity;
import io.mailsync.contracts.MessageKey;
import io.mailsync.contracts.message.AttachmentMetadata;
import io.mailsync.contracts.message.Participant;
import io.mailsync.contracts.message.Participant.Role;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MessageParserTest {

  private final MessageParser parser = new MessageParser(262_144);

  @Test
  void readsHeadersAndBothBodiesOfMultipartAlternative() throws Exception {
    ParsedMessage m =
        parse(
            """
            Message-ID: <quote-7@customer.test>
            Date: Tue, 04 Mar 2025 10:15:30 +0100
            From: Bob Buyer <bob@customer.test>
            Sender: assistant@customer.test
            Reply-To: "Sales desk" <desk@customer.test>
            To: Alice <alice@crm.test>, carol@crm.test
            Cc: team: dan@crm.test, erin@crm.test;
            Bcc: hidden@crm.test
            Delivered-To: alice@crm.test
            In-Reply-To: <quote-6@crm.test>
            References: <quote-5@crm.test>
             <quote-6@crm.test>
            Subject: Quote for
             100 units
            MIME-Version: 1.0
            Content-Type: multipart/alternative; boundary="b1"

            --b1
            Content-Type: text/plain; charset=utf-8
            Content-Transfer-Encoding: quoted-printable

            Gr=C3=BC=C3=9Fe, here is the quote.
            --b1
            Content-Type: text/html; charset=utf-8

            <p>Gr\u00fc\u00dfe, here is the <b>quote</b>.</p>
            --b1--
            """);

    assertThat(m.parseError()).isNull();
    assertThat(m.rfcMessageId()).isEqualTo("<quote-7@customer.test>");
    // what the sender computes for the mail it sent: Message-ID, From and Date
    assertThat(m.messageKey())
        .isEqualTo(
            MessageKey.of(
                MessageIdentity.withMessageId(
                    "<quote-7@customer.test>",
                    "bob@customer.test",
                    Instant.parse("2025-03-04T09:15:30Z"))))
        .startsWith("mid:quote-7@customer.test#");
    assertThat(m.sentAt()).isEqualTo(Instant.parse("2025-03-04T09:15:30Z"));
    assertThat(m.subject()).isEqualTo("Quote for 100 units");
    assertThat(m.inReplyTo()).isEqualTo("<quote-6@crm.test>");
    assertThat(m.references()).containsExactly("<quote-5@crm.test>", "<quote-6@crm.test>");
    assertThat(m.participants())
        .containsExactly(
            new Participant(Role.FROM, "bob@customer.test", "Bob Buyer"),
            new Participant(Role.SENDER, "assistant@customer.test", null),
            new Participant(Role.REPLY_TO, "desk@customer.test", "Sales desk"),
            new Participant(Role.TO, "alice@crm.test", "Alice"),
            new Participant(Role.TO, "carol@crm.test", null),
            new Participant(Role.CC, "dan@crm.test", null),
            new Participant(Role.CC, "erin@crm.test", null),
            new Participant(Role.BCC, "hidden@crm.test", null),
            new Participant(Role.DELIVERED_TO, "alice@crm.test", null));
    assertThat(m.body().text()).isEqualTo("Grüße, here is the quote.");
    assertThat(m.body().html()).isEqualTo("<p>Grüße, here is the <b>quote</b>.</p>");
    assertThat(m.body().textTruncated()).isFalse();
    assertThat(m.body().htmlTruncated()).isFalse();
    assertThat(m.attachments()).isEmpty();
  }

  @Test
  void listsAttachmentsAndInlineImagesByPartPathWithDecodedSizes() throws Exception {
    byte[] pdf = new byte[3000];
    for (int i = 0; i < pdf.length; i++) {
      pdf[i] = (byte) i;
    }
    byte[] png = new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
    ParsedMessage m =
        parse(
            """
            Message-ID: <with-files@customer.test>
            From: bob@customer.test
            To: alice@crm.test
            Subject: Files
            Content-Type: multipart/mixed; boundary="outer"

            preamble to ignore
            --outer
            Content-Type: multipart/related; boundary="rel"

            --rel
            Content-Type: multipart/alternative; boundary="alt"

            --alt
            Content-Type: text/plain

            See the logo.
            --alt
            Content-Type: text/html

            <img src="cid:logo@customer.test">
            --alt--
            --rel
            Content-Type: image/png
            Content-ID: <logo@customer.test>
            Content-Transfer-Encoding: base64

            %s
            --rel--
            --outer
            Content-Type: application/pdf; name="ignored-name.pdf"
            Content-Disposition: attachment; filename="=?UTF-8?Q?Angebot_M=C3=BCller.pdf?="
            Content-Transfer-Encoding: base64

            %s
            --outer
            Content-Type: message/rfc822
            Content-Disposition: attachment

            Subject: forwarded
            From: x@y.test

            forwarded body
            --outer--
            """
                .formatted(base64Lines(png), base64Lines(pdf)));

    assertThat(m.parseError()).isNull();
    assertThat(m.body().text()).isEqualTo("See the logo.");
    assertThat(m.body().html()).isEqualTo("<img src=\"cid:logo@customer.test\">");
    assertThat(m.attachments())
        .containsExactly(
            new AttachmentMetadata(
                "1.2", null, "image/png", png.length, "logo@customer.test", true),
            new AttachmentMetadata(
                "2", "Angebot Müller.pdf", "application/pdf", pdf.length, null, false),
            new AttachmentMetadata("3", null, "message/rfc822", 52, null, false));
  }

  @Test
  void decodesEncodedWordsAndRawUtf8InHeaders() throws Exception {
    ParsedMessage m =
        parse(
            """
            Message-ID: <enc@customer.test>
            From: =?ISO-8859-1?Q?J=F6rg_M=FCller?= <joerg@customer.test>
            To: =?UTF-8?B?0JDQvdC90LA=?= <anna@crm.test>, Zoë Raw <zoe@crm.test>
            Subject: =?UTF-8?B?UHJlaXNhbmZyYWdlOiDinIU=?=
             =?UTF-8?Q?_f=C3=BCr_M=C3=A4rz?=
            Content-Type: text/plain; charset=iso-8859-1
            Content-Transfer-Encoding: quoted-printable

            Sch=F6ne Gr=FC=DFe
            """);

    assertThat(m.subject()).isEqualTo("Preisanfrage: ✅ für März");
    assertThat(m.participants())
        .containsExactly(
            new Participant(Role.FROM, "joerg@customer.test", "Jörg Müller"),
            new Participant(Role.TO, "anna@crm.test", "Анна"),
            new Participant(Role.TO, "zoe@crm.test", "Zoë Raw"));
    assertThat(m.body().text()).isEqualTo("Schöne Grüße\r\n");

    ParsedMessage rawSubject =
        parse(
            """
            From: a@b.test
            Subject: Grüße aus Köln

            x
            """);
    assertThat(rawSubject.subject()).isEqualTo("Grüße aus Köln");
  }

  @Test
  void missingMessageIdGivesTheSameContentHashForEveryCopy() throws Exception {
    String message =
        """
        From: bob@customer.test
        To: alice@crm.test
        Date: Tue, 04 Mar 2025 10:15:30 +0100
        Subject: No id

        Same body.
        """;
    ParsedMessage first = parse("Received: from a by b; Tue, 4 Mar 2025\n" + message);
    ParsedMessage second = parse("Received: from c by d; Wed, 5 Mar 2025\n" + message);
    ParsedMessage otherBody = parse(message.replace("Same body.", "Other body."));

    assertThat(first.rfcMessageId()).isNull();
    assertThat(first.messageKey()).startsWith("sha256:").isEqualTo(second.messageKey());
    assertThat(otherBody.messageKey()).startsWith("sha256:").isNotEqualTo(first.messageKey());
    assertThat(parse("Message-ID:   \n" + message).messageKey()).isEqualTo(first.messageKey());
    assertThat(first.messageKey())
        .as("the hash covers content, not only the headers")
        .isNotEqualTo(
            MessageKey.of(
                new MessageIdentity(
                    null,
                    List.of("bob@customer.test"),
                    List.of("alice@crm.test"),
                    List.of(),
                    first.sentAt(),
                    null,
                    "No id",
                    List.of())));
  }

  @Test
  void aDifferentMailReusingAMessageIdGetsAnotherKey() throws Exception {
    String message =
        """
        Message-ID: <reused@mailer.test>
        From: bob@customer.test
        Date: Tue, 04 Mar 2025 10:15:30 +0100
        Subject: Quote

        Hello.
        """;
    ParsedMessage original = parse(message);
    ParsedMessage copyElsewhere = parse("Received: from c by d; Wed, 5 Mar 2025\n" + message);

    assertThat(copyElsewhere.messageKey()).isEqualTo(original.messageKey());
    assertThat(parse(message.replace("bob@", "eve@")).messageKey())
        .isNotEqualTo(original.messageKey());
    assertThat(parse(message.replace("10:15:30", "11:15:30")).messageKey())
        .isNotEqualTo(original.messageKey());
  }

  @Test
  void mailsWithoutAMessageIdThatDifferOnlyInHtmlOrAttachmentsGetDifferentKeys() throws Exception {
    String template =
        """
        From: bob@customer.test
        To: alice@crm.test
        Date: Tue, 04 Mar 2025 10:15:30 +0100
        Subject: No id
        Content-Type: multipart/mixed; boundary="m"

        --m
        Content-Type: multipart/alternative; boundary="a"

        --a
        Content-Type: text/plain

        Same text.
        --a
        Content-Type: text/html

        <p>HTML</p>
        --a--
        --m
        Content-Type: application/pdf; name="offer.pdf"
        Content-Transfer-Encoding: base64

        ATTACHMENT
        --m--
        """;
    String pdf = base64Lines("%PDF-1.4 offer".getBytes(StandardCharsets.US_ASCII));
    String key = parse(template.replace("ATTACHMENT", pdf)).messageKey();

    assertThat(key).startsWith("sha256:");
    assertThat(parse(template.replace("ATTACHMENT", pdf)).messageKey()).isEqualTo(key);
    assertThat(
            List.of(
                template.replace("<p>HTML</p>", "<p>Other HTML</p>").replace("ATTACHMENT", pdf),
                template.replace(
                    "ATTACHMENT",
                    base64Lines("%PDF-1.4 other offer".getBytes(StandardCharsets.US_ASCII))),
                template.replace("application/pdf", "image/png").replace("ATTACHMENT", pdf)))
        .extracting(variant -> parse(variant).messageKey())
        .doesNotContain(key)
        .doesNotHaveDuplicates();
  }

  @Test
  void theContentHashCoversWholePartsWhateverTheBodyCapKept() throws Exception {
    MessageParser small = new MessageParser(10);
    String message =
        """
        From: bob@customer.test
        Subject: Long

        The first ten characters agree, what follows does not.
        """;

    ParsedMessage first = small.parse(stream(message));
    ParsedMessage second = small.parse(stream(message.replace("does not", "differs")));

    assertThat(first.body().text()).isEqualTo(second.body().text());
    assertThat(first.messageKey()).isNotEqualTo(second.messageKey());
    assertThat(parser.parse(stream(message)).messageKey())
        .as("the same key whatever a fetcher's cap")
        .isEqualTo(first.messageKey());
  }

  @Test
  void missingOrGarbledDateLeavesSentAtEmpty() throws Exception {
    ParsedMessage missing = parse("From: a@b.test\nSubject: s\n\nbody\n");
    ParsedMessage garbled = parse("From: a@b.test\nDate: yesterday-ish, around noon\n\nbody\n");

    assertThat(missing.sentAt()).isNull();
    assertThat(missing.parseError()).isNull();
    assertThat(garbled.sentAt()).isNull();
    assertThat(garbled.parseError()).isNull();
    assertThat(garbled.messageKey())
        .isNotEqualTo(parse("From: a@b.test\nDate: another day\n\nbody\n").messageKey());
  }

  @Test
  void capsBodiesAndFlagsTheTruncation() throws Exception {
    MessageParser small = new MessageParser(10);
    String message =
        """
        From: a@b.test
        Content-Type: multipart/alternative; boundary=b

        --b
        Content-Type: text/plain

        0123456789ABCDEF
        --b
        Content-Type: text/html

        <p>0123456789</p>
        --b--
        """;
    ParsedMessage m = small.parse(stream(message));

    assertThat(m.body().text()).isEqualTo("0123456789");
    assertThat(m.body().textTruncated()).isTrue();
    assertThat(m.body().html()).isEqualTo("<p>0123456");
    assertThat(m.body().htmlTruncated()).isTrue();

    ParsedMessage exact = small.parse(stream("From: a@b.test\n\n0123456789"));
    assertThat(exact.body().text()).isEqualTo("0123456789");
    assertThat(exact.body().textTruncated()).isFalse();
  }

  @Test
  void truncatedMultipartIsStillARecordWithParseError() throws Exception {
    ParsedMessage m =
        parse(
            """
            Message-ID: <cut@customer.test>
            From: bob@customer.test
            Subject: Cut off
            Content-Type: multipart/mixed; boundary="b"

            --b
            Content-Type: text/plain

            The first part arrived.
            --b
            Content-Type: application/pdf
            Content-Transfer-Encoding: base64

            JVBERi0xLjQK
            """);

    assertThat(m.parseError()).contains("closing boundary");
    assertThat(m.subject()).isEqualTo("Cut off");
    assertThat(m.messageKey())
        .isEqualTo(
            MessageKey.of(
                MessageIdentity.withMessageId("<cut@customer.test>", "bob@customer.test", null)));
    assertThat(m.body().text()).isEqualTo("The first part arrived.");
    assertThat(m.attachments()).extracting(AttachmentMetadata::partPath).containsExactly("2");
  }

  @Test
  void garbageAndOverlongLinesGiveParseErrorsNotExceptions() throws Exception {
    byte[] garbage = new byte[2000];
    new Random(7).nextBytes(garbage);
    for (int i = 0; i < garbage.length; i++) {
      if (garbage[i] == ':' || garbage[i] == '\n' || garbage[i] == '\r') {
        garbage[i] = 'x';
      }
    }
    ParsedMessage noise = parser.parse(new ByteArrayInputStream(garbage));
    assertThat(noise.parseError()).contains("no header fields");
    assertThat(noise.messageKey()).startsWith("sha256:");

    String longHeader = "From: a@b.test\nX-Long: " + "a".repeat(1_100_000) + "\nSubject: s\n\nx\n";
    ParsedMessage overlong = parser.parse(stream(longHeader));
    assertThat(overlong.parseError()).contains("longer than");
    assertThat(overlong.messageKey()).startsWith("sha256:");

    // An overlong body line is only cut by the body cap.
    String longBody = "Subject: ok\n\n" + "a".repeat(1_100_000) + "\n";
    ParsedMessage capped = parser.parse(stream(longBody));
    assertThat(capped.parseError()).isNull();
    assertThat(capped.subject()).isEqualTo("ok");
    assertThat(capped.body().text()).hasSize(262_144);
    assertThat(capped.body().textTruncated()).isTrue();
  }

  @Test
  void stripsNulCharactersFromEveryText() throws Exception {
    ParsedMessage m =
        parse(
            """
            Message-ID: <nul=00@customer.test>
            In-Reply-To: <parent\0@crm.test>
            References: <grand\0parent@crm.test>
            From: =?UTF-8?Q?Bob=00_Buyer?= <bob\0@customer.test>
            To: "Al\0ice" <alice@crm.test>
            Subject: =?UTF-8?Q?Quote=00_for_you?= raw\0nul
            Content-Type: multipart/mixed; boundary="b"

            --b
            Content-Type: text/plain; charset=utf-8
            Content-Transfer-Encoding: quoted-printable

            Hello=00 there
            --b
            Content-Type: text/html; charset=utf-8
            Content-Transfer-Encoding: quoted-printable

            <p>Hello=00</p>
            --b
            Content-Type: application/pdf
            Content-ID: <logo\0@customer.test>
            Content-Disposition: attachment; filename="=?UTF-8?Q?offer=00.pdf?="

            %PDF
            --b--
            """);

    assertThat(m.subject()).isEqualTo("Quote for you rawnul");
    assertThat(m.rfcMessageId()).isEqualTo("<nul=00@customer.test>");
    assertThat(m.inReplyTo()).isEqualTo("<parent@crm.test>");
    assertThat(m.references()).containsExactly("<grandparent@crm.test>");
    assertThat(m.participants())
        .containsExactly(
            new Participant(Role.FROM, "bob@customer.test", "Bob Buyer"),
            new Participant(Role.TO, "alice@crm.test", "Alice"));
    assertThat(m.body().text()).isEqualTo("Hello there");
    assertThat(m.body().html()).isEqualTo("<p>Hello</p>");
    assertThat(m.attachments())
        .containsExactly(
            new AttachmentMetadata(
                "3", "offer.pdf", "application/pdf", 4, "logo@customer.test", false));
    assertThat(m.toString()).doesNotContain("\0");
  }

  @Test
  void failureOfTheSourceIsNotAParseError() {
    InputStream failing =
        new SequenceInputStream(
            stream("From: a@b.test\nSubject: s\n\npartial body"),
            new InputStream() {
              @Override
              public int read() throws IOException {
                throw new IOException("connection reset");
              }
            });

    assertThatThrownBy(() -> parser.parse(failing))
        .isInstanceOf(SourceReadException.class)
        .hasMessageContaining("connection reset");
  }

  private ParsedMessage parse(String message) throws SourceReadException {
    return parser.parse(stream(message));
  }

  /** Test messages are written with \n; mail travels with CRLF. */
  private static InputStream stream(String message) {
    return new ByteArrayInputStream(
        message.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
  }

  private static String base64Lines(byte[] data) {
    return Base64.getMimeEncoder(76, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(data);
  }
}
