package io.mailsync.contracts;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a message's key ({@link MessageKey}) is computed from: what is the same in every recipient's
 * copy of one email, never trace headers such as Received, which differ per mailbox.
 *
 * @param messageId the Message-ID header as written ({@code <a@b>}), or null
 * @param from the From addresses
 * @param to the To addresses
 * @param cc the Cc addresses
 * @param date the Date header, or null when missing or unparsable
 * @param rawDate the Date header as written, used when {@code date} is null
 * @param subject the decoded Subject
 * @param parts every leaf MIME part in order (a message that is not multipart is one part)
 */
public record MessageIdentity(
    String messageId,
    List<String> from,
    List<String> to,
    List<String> cc,
    Instant date,
    String rawDate,
    String subject,
    List<Part> parts) {

  /**
   * A leaf MIME part as it counts for identity.
   *
   * @param contentType its media type, e.g. {@code text/plain}, without parameters
   * @param sizeBytes its size after transfer decoding (the same whether sent base64 or not)
   * @param contentSha256 for the text and HTML body parts, the hex SHA-256 of their decoded bytes;
   *     null for attachments, which count by type and size
   */
  public record Part(String contentType, long sizeBytes, String contentSha256) {}

  public MessageIdentity {
    from = List.copyOf(Objects.requireNonNullElse(from, List.of()));
    to = List.copyOf(Objects.requireNonNullElse(to, List.of()));
    cc = List.copyOf(Objects.requireNonNullElse(cc, List.of()));
    parts = List.copyOf(Objects.requireNonNullElse(parts, List.of()));
  }

  /**
   * A message known by its Message-ID, e.g. one Mailsync sends: its sender and date are all the key
   * needs besides the id.
   */
  public static MessageIdentity withMessageId(String messageId, String from, Instant date) {
    return new MessageIdentity(
        messageId,
        from == null ? List.of() : List.of(from),
        List.of(),
        List.of(),
        date,
        null,
        null,
        List.of());
  }
}
