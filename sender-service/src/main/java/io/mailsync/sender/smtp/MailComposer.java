package io.mailsync.sender.smtp;

import io.mailsync.contracts.send.EmailAddress;
import io.mailsync.contracts.send.SendEmail;
import io.mailsync.mail.address.EmailAddressSyntax;
import io.mailsync.mail.validation.ControlCharacters;
import io.mailsync.sender.SendFailure;
import io.vertx.core.MultiMap;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.mailencoder.MailEncoder;
import jakarta.mail.internet.InternetAddress;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a {@code SendEmail} into the message the SMTP client sends: From is the mailbox's address,
 * To/Cc/Bcc from the command (Bcc only in the envelope), text and/or HTML (multipart/alternative
 * when both), threading headers, and a deterministic Message-ID. Nothing a caller sends can add a
 * header: line breaks in subjects and names are flattened, addresses and ids are checked.
 */
public final class MailComposer {

  private static final int FOLD_AT = 76;

  /**
   * @param fromAddress the mailbox's own address
   * @param date the Date header; the attempt's creation time, so the Sent copy matches the sent
   *     mail
   * @throws SendFailure (permanent) when the command cannot become a valid mail
   */
  public static ComposedMail compose(SendEmail command, String fromAddress, Instant date) {
    String from = fromAddress == null ? "" : fromAddress.strip();
    if (EmailAddressSyntax.problem(from).isPresent()) {
      throw SendFailure.permanent(
          "mailbox " + command.mailboxId() + " has no valid sender address (\"" + from + "\")");
    }
    List<EmailAddress> to = recipients(command.to(), "to");
    List<EmailAddress> cc = recipients(command.cc(), "cc");
    List<EmailAddress> bcc = recipients(command.bcc(), "bcc");
    if (to.isEmpty() && cc.isEmpty() && bcc.isEmpty()) {
      throw SendFailure.permanent("the command has no recipients");
    }
    if (command.textBody() == null && command.htmlBody() == null) {
      throw SendFailure.permanent("the command has neither a text nor an HTML body");
    }
    String messageId = MessageIds.forCommand(command.id(), from);

    MultiMap headers = MultiMap.caseInsensitiveMultiMap();
    headers.set("Message-ID", messageId);
    headers.set("Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(date.atOffset(ZoneOffset.UTC)));
    if (!to.isEmpty()) {
      headers.set("To", addressList(to, "To: ".length()));
    }
    if (!cc.isEmpty()) {
      headers.set("Cc", addressList(cc, "Cc: ".length()));
    }
    threading(command, headers);

    MailMessage message =
        new MailMessage()
            .setFrom(from)
            .setSubject(
                ControlCharacters.flatten(command.subject() == null ? "" : command.subject()))
            .setText(command.textBody())
            .setHtml(command.htmlBody())
            .setHeaders(headers);
    // The envelope: bare addresses; the To and Cc headers above carry the display names.
    if (!to.isEmpty()) {
      message.setTo(addresses(to));
    }
    if (!cc.isEmpty()) {
      message.setCc(addresses(cc));
    }
    if (!bcc.isEmpty()) {
      message.setBcc(addresses(bcc));
    }

    MultiMap copyHeaders = MultiMap.caseInsensitiveMultiMap().addAll(headers);
    if (!bcc.isEmpty()) {
      copyHeaders.set("Bcc", addressList(bcc, "Bcc: ".length()));
    }
    MailMessage copy = new MailMessage(message).setHeaders(copyHeaders);
    return new ComposedMail(message, messageId, encode(copy));
  }

  /** The message as the SMTP client writes it, with CRLF line ends (Bcc never included). */
  public static byte[] encode(MailMessage message) {
    String lf = new MailEncoder(message, "localhost").encode();
    return lf.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
  }

  private static void threading(SendEmail command, MultiMap headers) {
    String inReplyTo = null;
    if (command.inReplyTo() != null && !command.inReplyTo().isBlank()) {
      inReplyTo = MessageIds.normalize(command.inReplyTo(), "inReplyTo");
      headers.set("In-Reply-To", inReplyTo);
    }
    List<String> references = new ArrayList<>();
    if (command.references() != null) {
      for (String reference : command.references()) {
        if (reference != null && !reference.isBlank()) {
          references.add(MessageIds.normalize(reference, "references"));
        }
      }
    }
    if (references.isEmpty() && inReplyTo != null) {
      references.add(inReplyTo);
    }
    if (!references.isEmpty()) {
      headers.set("References", String.join("\n ", references));
    }
  }

  private static List<EmailAddress> recipients(List<EmailAddress> given, String field) {
    List<EmailAddress> result = new ArrayList<>();
    if (given == null) {
      return result;
    }
    for (EmailAddress recipient : given) {
      String address = recipient == null || recipient.address() == null ? "" : recipient.address();
      address = address.strip();
      String problem = EmailAddressSyntax.problem(address).orElse(null);
      if (problem != null) {
        throw SendFailure.permanent(
            "invalid " + field + " address \"" + address + "\": " + problem);
      }
      String name =
          recipient.name() == null ? null : ControlCharacters.flatten(recipient.name()).strip();
      result.add(new EmailAddress(address, name == null || name.isEmpty() ? null : name));
    }
    return result;
  }

  private static List<String> addresses(List<EmailAddress> recipients) {
    return recipients.stream().map(EmailAddress::address).toList();
  }

  /** RFC 5322 address list with quoted, RFC 2047-encoded names, folded between addresses. */
  static String addressList(List<EmailAddress> recipients, int used) {
    StringBuilder header = new StringBuilder();
    int column = used;
    for (int i = 0; i < recipients.size(); i++) {
      String item = mailbox(recipients.get(i)) + (i < recipients.size() - 1 ? "," : "");
      if (i > 0) {
        if (column + 1 + item.length() > FOLD_AT) {
          header.append("\n ");
          column = 1;
        } else {
          header.append(' ');
          column++;
        }
      }
      header.append(item);
      column += item.length();
    }
    return header.toString();
  }

  private static String mailbox(EmailAddress recipient) {
    if (recipient.name() == null) {
      return recipient.address();
    }
    try {
      return new InternetAddress(recipient.address(), recipient.name(), "UTF-8").toString();
    } catch (UnsupportedEncodingException e) {
      throw new IllegalStateException("UTF-8 is always supported", e);
    }
  }

  private MailComposer() {}
}
