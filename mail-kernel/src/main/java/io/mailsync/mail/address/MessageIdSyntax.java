package io.mailsync.mail.address;

import io.mailsync.contracts.MessageKey;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a Message-ID given by a user or a caller (In-Reply-To, References) may be: printable ASCII
 * without spaces or angle brackets inside, with or without the brackets around it. Lenient enough
 * for odd real-world ids, strict enough never to break a header. The timeline accepts and the
 * sender writes exactly these.
 */
public final class MessageIdSyntax {

  private static final Pattern MSG_ID = Pattern.compile("[\\x21-\\x7E&&[^<>]]{1,995}");

  /**
   * The id in angle brackets, or empty when it is not one Message-ID. Strict where the identity
   * normalisation of {@link MessageKey} is lenient: this decides what may be written into a header,
   * that what makes every copy of one mail the same key; both take the brackets off the same way
   * ({@link MessageKey#withoutBrackets}).
   */
  public static Optional<String> normalize(String messageId) {
    String id = messageId == null ? "" : MessageKey.withoutBrackets(messageId);
    return MSG_ID.matcher(id).matches() ? Optional.of("<" + id + ">") : Optional.empty();
  }

  private MessageIdSyntax() {}
}
