package io.mailsync.sender.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailsync.contracts.send.EmailAddress;
import io.mailsync.contracts.send.SendEmail;
import io.mailsync.sender.SendFailure;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MailComposerTest {

  private static final String COMMAND_ID = "3f1d2c4b-5a69-4e7f-8a9b-0c1d2e3f4a5b";
  private static final Instant DATE = Instant.parse("2025-03-04T05:06:07Z");

  @Test
  void bccIsInTheEnvelopeButNotInTheSentHeaders() throws Exception {
    ComposedMail mail =
        MailComposer.compose(
            command(
                List.of(new EmailAddress("to@customer.test", null)),
                List.of(new EmailAddress("cc@customer.test", null)),
                List.of(new EmailAddress("hidden@partner.test", "Hidden Partner")),
                "Hello",
                "<p>Hello</p>"),
            "jane@seller.test",
            DATE);

    assertThat(mail.message().getBcc()).containsExactly("hidden@partner.test");
    byte[] wire = MailComposer.encode(mail.message());
    assertThat(new String(wire, StandardCharsets.US_ASCII)).doesNotContainIgnoringCase("bcc");
    MimeMessage sent = parse(wire);
    assertThat(sent.getRecipients(Message.RecipientType.BCC)).isNull();
    assertThat(sent.getHeader("Bcc")).isNull();

    // The copy filed in Sent keeps the Bcc line so its owner sees who was blind-copied.
    MimeMessage copy = parse(mail.sentCopy());
    assertThat(copy.getRecipients(Message.RecipientType.BCC))
        .extracting(a -> ((InternetAddress) a).getAddress())
        .containsExactly("hidden@partner.test");
    assertThat(copy.getMessageID()).isEqualTo(sent.getMessageID());
  }

  @Test
  void headersCarryTheDeterministicMessageIdDateAndAddresses() throws Exception {
    ComposedMail mail =
        MailComposer.compose(
            command(
                List.of(
                    new EmailAddress("bob@customer.test", "Doe, Bob"),
                    new EmailAddress("zoe@customer.test", "Zoë Ünal")),
                List.of(),
                null,
                "Quote",
                null),
            "jane@Seller.TEST",
            DATE);

    MimeMessage parsed = parse(MailComposer.encode(mail.message()));
    assertThat(mail.messageId()).isEqualTo("<" + COMMAND_ID + "@seller.test>");
    assertThat(parsed.getMessageID()).isEqualTo(mail.messageId());
    assertThat(parsed.getSentDate().toInstant()).isEqualTo(DATE);
    assertThat(parsed.getFrom()).extracting(Object::toString).containsExactly("jane@Seller.TEST");
    assertThat(parsed.getRecipients(Message.RecipientType.TO))
        .extracting(a -> (InternetAddress) a)
        .extracting(InternetAddress::getAddress, InternetAddress::getPersonal)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("bob@customer.test", "Doe, Bob"),
            org.assertj.core.groups.Tuple.tuple("zoe@customer.test", "Zoë Ünal"));
    assertThat(parsed.getSubject()).isEqualTo("Greetings");
  }

  @Test
  void textAndHtmlBecomeMultipartAlternative() throws Exception {
    ComposedMail mail =
        MailComposer.compose(
            command(
                List.of(new EmailAddress("to@customer.test", null)),
                null,
                null,
                "Hi ünïcode",
                "<b>Hi</b>"),
            "jane@seller.test",
            DATE);

    MimeMessage parsed = parse(MailComposer.encode(mail.message()));
    assertThat(parsed.getContentType()).startsWith("multipart/alternative");
    MimeMultipart parts = (MimeMultipart) parsed.getContent();
    assertThat(parts.getCount()).isEqualTo(2);
    assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
    // The encoder ends each part with a line break; the text itself is intact.
    assertThat(((String) parts.getBodyPart(0).getContent()).stripTrailing())
        .isEqualTo("Hi ünïcode");
    assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
    assertThat(((String) parts.getBodyPart(1).getContent()).stripTrailing()).isEqualTo("<b>Hi</b>");
  }

  @Test
  void textOnlyIsASinglePart() throws Exception {
    ComposedMail mail =
        MailComposer.compose(
            command(List.of(new EmailAddress("to@customer.test", null)), null, null, "Plain", null),
            "jane@seller.test",
            DATE);

    MimeMessage parsed = parse(mail.sentCopy());
    assertThat(parsed.getContentType()).startsWith("text/plain");
    assertThat(parsed.getContent()).isEqualTo("Plain");
  }

  @Test
  void replyCarriesInReplyToAndReferences() throws Exception {
    SendEmail reply =
        new SendEmail(
            COMMAND_ID,
            "tenant-1",
            DATE,
            "mailbox-1",
            "user-1",
            List.of(new EmailAddress("to@customer.test", null)),
            null,
            null,
            "Re: Quote",
            "Thanks",
            null,
            "quote-2@customer.test",
            List.of("<quote-1@customer.test>", "<quote-2@customer.test>"));

    MimeMessage parsed = parse(MailComposer.compose(reply, "jane@seller.test", DATE).sentCopy());

    assertThat(parsed.getHeader("In-Reply-To", null)).isEqualTo("<quote-2@customer.test>");
    assertThat(parsed.getHeader("References", " ").replaceAll("\\s+", " "))
        .isEqualTo("<quote-1@customer.test> <quote-2@customer.test>");
  }

  @Test
  void lineBreaksInSubjectAndNamesCannotAddHeaders() throws Exception {
    SendEmail sneaky =
        new SendEmail(
            COMMAND_ID,
            "tenant-1",
            DATE,
            "mailbox-1",
            "user-1",
            List.of(new EmailAddress("to@customer.test", "Bob\r\nBcc: spy@evil.test")),
            null,
            null,
            "Hello\r\nBcc: spy@evil.test",
            "Body",
            null,
            null,
            null);

    ComposedMail mail = MailComposer.compose(sneaky, "jane@seller.test", DATE);
    MimeMessage parsed = parse(MailComposer.encode(mail.message()));

    assertThat(parsed.getHeader("Bcc")).isNull();
    assertThat(mail.message().getBcc()).isNull();
    assertThat(parsed.getSubject()).isEqualTo("Hello Bcc: spy@evil.test");
  }

  @Test
  void invalidInputIsRefusedWithTheOffendingField() {
    assertThatThrownBy(
            () ->
                MailComposer.compose(
                    command(
                        List.of(new EmailAddress("not an address", null)), null, null, "x", null),
                    "jane@seller.test",
                    DATE))
        .isInstanceOf(SendFailure.class)
        .hasMessageStartingWith("invalid to address \"not an address\"");
    assertThatThrownBy(
            () ->
                MailComposer.compose(
                    command(List.of(), List.of(), List.of(), "x", null), "jane@seller.test", DATE))
        .hasMessage("the command has no recipients");
    assertThatThrownBy(
            () ->
                MailComposer.compose(
                    command(
                        List.of(new EmailAddress("to@customer.test", null)),
                        null,
                        null,
                        null,
                        null),
                    "jane@seller.test",
                    DATE))
        .hasMessage("the command has neither a text nor an HTML body");
    assertThatThrownBy(
            () ->
                MailComposer.compose(
                    command(
                        List.of(new EmailAddress("to@customer.test", null)), null, null, "x", null),
                    "not-an-address",
                    DATE))
        .hasMessageContaining("has no valid sender address");
  }

  private static SendEmail command(
      List<EmailAddress> to,
      List<EmailAddress> cc,
      List<EmailAddress> bcc,
      String text,
      String html) {
    return new SendEmail(
        COMMAND_ID,
        "tenant-1",
        DATE,
        "mailbox-1",
        "user-1",
        to,
        cc,
        bcc,
        "Greetings",
        text,
        html,
        null,
        null);
  }

  private static MimeMessage parse(byte[] raw) throws Exception {
    return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
  }
}
