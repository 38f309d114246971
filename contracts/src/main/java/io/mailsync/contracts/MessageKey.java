package io.mailsync.contracts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * A message's identity within a tenant: its RFC 5322 Message-ID, or, when that header is missing or
 * empty, a SHA-256 over content that is the same in every recipient's copy (sender, recipients,
 * date, subject, body) — never over trace headers such as Received, which differ per mailbox.
 */
public final class MessageKey {

  private static final String MESSAGE_ID_PREFIX = "mid:";
  private static final String CONTENT_HASH_PREFIX = "sha256:";

  /** Longer Message-IDs are hashed: keys must fit database indexes and Kafka keys comfortably. */
  static final int MAX_MESSAGE_ID_BYTES = 200;

  public static String of(String rfcMessageId, List<String> stableContent) {
    String normalized = normalizeMessageId(rfcMessageId);
    if (normalized.isEmpty()) {
      return CONTENT_HASH_PREFIX + sha256(stableContent);
    }
    if (normalized.getBytes(StandardCharsets.UTF_8).length > MAX_MESSAGE_ID_BYTES) {
      // "message-id" as a first part keeps these apart from content hashes of the same text
      return CONTENT_HASH_PREFIX + sha256(List.of("message-id", normalized));
    }
    return MESSAGE_ID_PREFIX + normalized;
  }

  /**
   * Strips surrounding whitespace and angle brackets ({@code " <a@b> "} → {@code a@b}) and control
   * characters, which no valid Message-ID contains and databases refuse (NUL).
   */
  public static String normalizeMessageId(String rfcMessageId) {
    if (rfcMessageId == null) {
      return "";
    }
    String id = rfcMessageId.replaceAll("\\p{Cntrl}", "").strip();
    if (id.startsWith("<") && id.endsWith(">")) {
      id = id.substring(1, id.length() - 1).strip();
    }
    return id;
  }

  private static String sha256(List<String> parts) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (String part : parts) {
        // Length-prefix each part so ("ab","c") and ("a","bc") hash differently.
        byte[] bytes = Objects.toString(part, "").getBytes(StandardCharsets.UTF_8);
        digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) ':');
        digest.update(bytes);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JDK", e);
    }
  }

  private MessageKey() {}
}
