package io.mailsync.contracts;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Name-based ids (RFC 4122 version 3 UUIDs): the same parts always give the same id, so a retried
 * step re-publishes the same event id and consumers can drop the repeat. Parts are joined with NUL,
 * which no part can contain, so ("a", "bc") and ("ab", "c") differ.
 */
public final class DeterministicIds {

  public static String of(Object... parts) {
    StringBuilder name = new StringBuilder();
    for (int i = 0; i < parts.length; i++) {
      if (parts[i] == null) {
        throw new IllegalArgumentException("an id part must not be null");
      }
      String part = parts[i].toString();
      if (part.indexOf('\u0000') >= 0) {
        throw new IllegalArgumentException("an id part must not contain NUL");
      }
      if (i > 0) {
        name.append('\u0000');
      }
      name.append(part);
    }
    return UUID.nameUUIDFromBytes(name.toString().getBytes(StandardCharsets.UTF_8)).toString();
  }

  private DeterministicIds() {}
}
