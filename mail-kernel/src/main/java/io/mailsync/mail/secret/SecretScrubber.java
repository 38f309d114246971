package io.mailsync.mail.secret;

/**
 * Keeps secrets out of texts that reach users, events and logs: server replies and exception
 * messages may echo what they were sent, and a password must never come back with them.
 */
public final class SecretScrubber {

  /** Longest text kept; longer ones are cut with "...". */
  public static final int MAX_LENGTH = 500;

  /** Shorter secrets would replace ordinary words; they are too weak to hide that way anyway. */
  private static final int MIN_SECRET_LENGTH = 3;

  private static final String MASK = "***";

  /** The text with every occurrence of each secret masked, on one line, at most 500 characters. */
  public static String scrub(String text, String... secrets) {
    String safe = text == null ? "" : text;
    // Mask first: a secret with a tab or a double space would not be found once collapsed.
    for (String secret : secrets) {
      if (secret != null && secret.length() >= MIN_SECRET_LENGTH) {
        safe = safe.replace(secret, MASK);
      }
    }
    safe = safe.replaceAll("\\s+", " ").strip();
    return safe.length() > MAX_LENGTH ? safe.substring(0, MAX_LENGTH - 3) + "..." : safe;
  }

  private SecretScrubber() {}
}
