package io.mailsync.mail.address;

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

  /** The id in angle brackets, or empty when it is not one Message-ID. */
  public static Optional<String> normalize(String messageId) {
    String id = messageId == null ? "" : messageId.strip();
    if (id.startsWith("<") && id.endsWith(">")) {
      id = id.substring(1, id.length() - 1);
    }
    return MSG_ID.matcher(id).matches() ? Optional.of("<" + id + ">") : Optional.empty();
  }

  private MessageIdSyntax() {}
}
