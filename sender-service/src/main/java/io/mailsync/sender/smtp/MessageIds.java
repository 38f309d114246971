package io.mailsync.sender.smtp;

import io.mailsync.mail.address.EmailAddressSyntax;
import io.mailsync.mail.address.MessageIdSyntax;
import io.mailsync.sender.SendFailure;

/**
 * The Message-ID of a sent mail is a function of its command: {@code <commandId@from-domain>}. So a
 * retried or recovered command always means the same message, and the fetcher later computes the
 * same message key from the copy in Sent.
 */
public final class MessageIds {

  public static String forCommand(String commandId, String fromAddress) {
    if (!EmailAddressSyntax.isDotAtom(commandId)) {
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
    return MessageIdSyntax.normalize(messageId)
        .orElseThrow(
            () -> SendFailure.permanent(field + " \"" + messageId + "\" is not a Message-ID"));
  }

  private MessageIds() {}
}
