package io.mailsync.testkit.mail;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

/** Builds RFC 5322 messages for tests: {@code TestMessage.from("a@x").to("b@y").subject(...)}. */
public final class TestMessage {

  private static final Session SESSION = Session.getInstance(new Properties());

  private String from;
  private final List<String> to = new ArrayList<>();
  private final List<String> cc = new ArrayList<>();
  private final List<String> bcc = new ArrayList<>();
  private String subject = "";
  private String text;
  private String html;
  private String messageId = "<" + UUID.randomUUID() + "@test.mailsync>";
  private String inReplyTo;
  private Date date = new Date();

  private TestMessage(String from) {
    this.from = from;
  }

  public static TestMessage from(String address) {
    return new TestMessage(address);
  }

  public TestMessage to(String... addresses) {
    to.addAll(List.of(addresses));
    return this;
  }

  public TestMessage cc(String... addresses) {
    cc.addAll(List.of(addresses));
    return this;
  }

  public TestMessage bcc(String... addresses) {
    bcc.addAll(List.of(addresses));
    return this;
  }

  public TestMessage subject(String value) {
    subject = value;
    return this;
  }

  public TestMessage text(String value) {
    text = value;
    return this;
  }

  public TestMessage html(String value) {
    html = value;
    return this;
  }

  /** With or without angle brackets; {@code null} builds a message without a Message-ID. */
  public TestMessage messageId(String value) {
    messageId = value == null || value.startsWith("<") ? value : "<" + value + ">";
    return this;
  }

  public TestMessage inReplyTo(String value) {
    inReplyTo = value;
    return this;
  }

  public TestMessage date(Date value) {
    date = value;
    return this;
  }

  public String messageId() {
    return messageId;
  }

  public List<String> recipients() {
    List<String> all = new ArrayList<>(to);
    all.addAll(cc);
    all.addAll(bcc);
    return all;
  }

  public MimeMessage toMimeMessage() {
    try {
      MimeMessage message =
          new MimeMessage(SESSION) {
            @Override
            protected void updateMessageID() throws MessagingException {
              // keep the Message-ID the test chose, including none at all
              if (messageId == null) {
                removeHeader("Message-ID");
              } else {
                setHeader("Message-ID", messageId);
              }
            }
          };
      message.setFrom(new InternetAddress(from));
      for (String a : to) message.addRecipient(Message.RecipientType.TO, new InternetAddress(a));
      for (String a : cc) message.addRecipient(Message.RecipientType.CC, new InternetAddress(a));
      for (String a : bcc) message.addRecipient(Message.RecipientType.BCC, new InternetAddress(a));
      message.setSubject(subject, "UTF-8");
      message.setSentDate(date);
      if (inReplyTo != null) {
        message.setHeader("In-Reply-To", inReplyTo);
        message.setHeader("References", inReplyTo);
      }
      if (html != null) {
        MimeMultipart alternative = new MimeMultipart("alternative");
        MimeBodyPart plain = new MimeBodyPart();
        plain.setText(text == null ? "" : text, "UTF-8");
        MimeBodyPart rich = new MimeBodyPart();
        rich.setContent(html, "text/html; charset=UTF-8");
        alternative.addBodyPart(plain);
        alternative.addBodyPart(rich);
        message.setContent(alternative);
      } else {
        message.setText(text == null ? "" : text, "UTF-8");
      }
      message.saveChanges();
      return message;
    } catch (MessagingException e) {
      throw new IllegalArgumentException("cannot build test message: " + e.getMessage(), e);
    }
  }

  /** The message as RFC 5322 bytes with CRLF line ends (Bcc is not written, as on the wire). */
  public byte[] toBytes() {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      toMimeMessage().writeTo(out, new String[] {"Bcc"});
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Parses raw message bytes (an .eml file's content). */
  public static MimeMessage parse(byte[] raw) {
    try {
      return new MimeMessage(SESSION, new ByteArrayInputStream(raw));
    } catch (MessagingException e) {
      throw new IllegalArgumentException("not a parsable message: " + e.getMessage(), e);
    }
  }

  static String ascii(byte[] raw) {
    return new String(raw, StandardCharsets.US_ASCII);
  }
}
