package io.mailsync.sender.smtp;

import io.mailsync.mail.address.EmailAddressSyntax;
import io.mailsync.sender.SendFailure;
import java.util.regex.Pattern;

/**
 * The Message-ID of a sent mail is a function of its command: {@code <commandId@from-domain>}. So a
 * retried or recovered command always means the same message, and the fetcher later computes the
 * same message key from the copy in Sent.
 */
public final class MessageIds {

  // RFC 5322 dot-atom-text: what may stand on either side of the '@' without quoting.
  private static final Pattern DOT_ATOM =
      Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");

  private static final Pattern MSG_ID = Pattern.compile("[\\x21-\\x7E&&[^<>]]+");

  public static String forCommand(String commandId, String fromAddress) {
    if (commandId == null || !DOT_ATOM.matcher(commandId).matches()) {
      throw SendFailure.permanent("command id \"" + commandId + "\" cannot form a Message-ID");
    }
    return "<" + commandId + "@" + domainOf(fromAddress) + ">";
  }

  /**
   * The domain of an address, lower-cased ASCII: {@code Jane@Example.COM} → {@code example.com}, an
   * internationalized domain in its punycode form.
   */
  public static String domainOf(String address) {
    return EmailAddressSyntax.domainOf(address)
        .orElseThrow(
            () -> SendFailure.permanent("sender address \"" + address + "\" has no usable domain"));
  }

  /**
   * A Message-ID given by a caller (In-Reply-To, References), in angle brackets.
   *
   * @throws SendFailure when it is not a single message id
   */
  public static String normalize(String messageId, String field) {
    String id = messageId == null ? "" : messageId.strip();
    if (id.startsWith("<") && id.endsWith(">")) {
      id = id.substring(1, id.length() - 1);
    }
    // Printable ASCII without spaces or brackets: keeps odd real-world ids, never breaks a header.
    if (!MSG_ID.matcher(id).matches()) {
      throw SendFailure.permanent(field + " \"" + messageId + "\" is not a Message-ID");
    }
    return "<" + id + ">";
  }

  private MessageIds() {}
}
