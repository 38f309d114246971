package io.mailsync.linker.stream;

/**
 * Composite state-store keys. Parts are joined with NUL, which cannot occur in a PostgreSQL text
 * value, so a prefix scan for one tenant can never reach into another tenant's keys.
 */
final class StoreKeys {

  static final char SEPARATOR = '\u0000';

  static String join(String... parts) {
    StringBuilder key = new StringBuilder();
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        key.append(SEPARATOR);
      }
      key.append(parts[i]);
    }
    return key.toString();
  }

  /** The key of {@code parts} followed by a separator: the prefix of every longer key. */
  static String prefix(String... parts) {
    return join(parts) + SEPARATOR;
  }

  /** Whether a value read from outside (e.g. a mail header) can be used as a key part. */
  static boolean isSafePart(String part) {
    return part != null && part.indexOf(SEPARATOR) < 0;
  }

  private StoreKeys() {}
}
