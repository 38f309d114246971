package io.mailsync.contracts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A message's identity within a tenant, the same in every recipient's copy of one email and
 * different for two emails, whoever computes it (the fetcher from a mailbox copy, the sender for
 * what it sends):
 *
 * <ul>
 *   <li>{@code mid:<Message-ID>#<binding>}: the RFC 5322 Message-ID, bound by 16 hex digits of a
 *       SHA-256 to its From addresses and Date (to the second), so a second, different mail that
 *       reuses a Message-ID (broken mailers, templates, forgeries of another sender) is another
 *       message instead of being merged into the first;
 *   <li>{@code sha256:<hex>} over the same and everything else that is the same in every copy —
 *       From, To, Cc, Date, Subject, the text and HTML parts and the list of MIME parts with their
 *       types and sizes — where the Message-ID is missing, so mails without one that differ only in
 *       their HTML or an attachment stay apart; and over the Message-ID, From and Date where the id
 *       is too long for a key.
 * </ul>
 *
 * Addresses count lower-cased and as sets; everything is length-prefixed before hashing so that no
 * two different inputs run together into one.
 */
public final class MessageKey {

  private static final String MESSAGE_ID_PREFIX = "mid:";
  private static final String CONTENT_HASH_PREFIX = "sha256:";
  private static final int BINDING_HEX_DIGITS = 16;

  /** Longer Message-IDs are hashed: keys must fit database indexes and Kafka keys comfortably. */
  private static final int MAX_MESSAGE_ID_BYTES = 200;

  public static String of(MessageIdentity message) {
    String id = normalizeMessageId(message.messageId());
    Digest sender = new Digest().addSet(message.from()).add(date(message));
    if (id.isEmpty()) {
      return CONTENT_HASH_PREFIX + content(message, sender);
    }
    if (id.getBytes(StandardCharsets.UTF_8).length > MAX_MESSAGE_ID_BYTES) {
      return CONTENT_HASH_PREFIX + new Digest().add("message-id").add(id).add(sender).hex();
    }
    String binding = new Digest().add("binding").add(sender).hex();
    return MESSAGE_ID_PREFIX + id + "#" + binding.substring(0, BINDING_HEX_DIGITS);
  }

  private static String content(MessageIdentity message, Digest sender) {
    Digest digest =
        new Digest()
            .add("content")
            .add(sender)
            .addSet(message.to())
            .addSet(message.cc())
            .add(message.subject())
            .add(Integer.toString(message.parts().size()));
    for (MessageIdentity.Part part : message.parts()) {
      digest
          .add(Objects.toString(part.contentType(), "").toLowerCase(Locale.ROOT))
          .add(Long.toString(part.sizeBytes()))
          .add(part.contentSha256());
    }
    return digest.hex();
  }

  /** To the second: the Date header has no finer resolution, however a producer holds it. */
  private static String date(MessageIdentity message) {
    if (message.date() != null) {
      return "epoch-second:" + message.date().getEpochSecond();
    }
    if (message.rawDate() != null && !message.rawDate().isBlank()) {
      return "as-written:" + message.rawDate().strip().replaceAll("\\s+", " ");
    }
    return "";
  }

  /**
   * The id as identity: without control characters, which no valid Message-ID contains and
   * databases refuse (NUL), and {@link #withoutBrackets} with the space inside them stripped too
   * ({@code " < a@b > "} → {@code a@b}). Lenient on purpose: whatever a mailbox copy carries must
   * give the same key in every copy; whether an id may be written into a header is the mail
   * kernel's {@code MessageIdSyntax}.
   */
  private static String normalizeMessageId(String rfcMessageId) {
    if (rfcMessageId == null) {
      return "";
    }
    return withoutBrackets(rfcMessageId.replaceAll("\\p{Cntrl}", "")).strip();
  }

  /**
   * {@code messageId} without surrounding whitespace and the one pair of angle brackets around it,
   * if it has them ({@code " <a@b> "} → {@code a@b}); nothing else is changed.
   */
  public static String withoutBrackets(String messageId) {
    String id = messageId.strip();
    if (id.startsWith("<") && id.endsWith(">")) {
      id = id.substring(1, id.length() - 1);
    }
    return id;
  }

  /** SHA-256 over length-prefixed parts, so ("ab","c") and ("a","bc") hash differently. */
  private static final class Digest {

    private final List<String> parts = new ArrayList<>();

    Digest add(String part) {
      parts.add(Objects.toString(part, ""));
      return this;
    }

    Digest add(Digest other) {
      parts.addAll(other.parts);
      return this;
    }

    /** Addresses as a set: lower-cased, sorted, without repeats, preceded by their count. */
    Digest addSet(Collection<String> addresses) {
      TreeSet<String> set = new TreeSet<>();
      for (String address : addresses) {
        if (address != null && !address.isBlank()) {
          set.add(address.strip().toLowerCase(Locale.ROOT));
        }
      }
      add(Integer.toString(set.size()));
      set.forEach(this::add);
      return this;
    }

    String hex() {
      try {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        for (String part : parts) {
          byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
          digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
          digest.update((byte) ':');
          digest.update(bytes);
        }
        return HexFormat.of().formatHex(digest.digest());
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("SHA-256 is required of every JDK", e);
      }
    }
  }

  private MessageKey() {}
}
