package io.mailsync.timeline.entries;

import io.mailsync.rest.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Position in a newest-first timeline: the sort time and message key of the last entry served. It
 * is opaque to clients (base64url) and stable while new mail arrives above it.
 */
record TimelineCursor(Instant sortAt, String messageKey) {

  String encode() {
    String raw = sortAt.getEpochSecond() + ":" + sortAt.getNano() + ":" + messageKey;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  static TimelineCursor decode(String cursor) {
    try {
      String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      String[] parts = raw.split(":", 3);
      return new TimelineCursor(
          Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])), parts[2]);
    } catch (RuntimeException e) {
      throw new InvalidRequestException("cursor", "is not one this API issued");
    }
  }
}
