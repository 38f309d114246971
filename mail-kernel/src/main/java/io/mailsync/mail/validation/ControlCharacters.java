package io.mailsync.mail.validation;

/**
 * The one control-character rule for text that reaches a mail server or a mail header as written
 * (names, logins, folders, host names, subjects): the C0 controls (tab, CR and LF among them), DEL
 * and the C1 controls, i.e. {@link Character#isISOControl}. A line break there could start a
 * command or a header of its own; the others have no business in a single line either.
 */
public final class ControlCharacters {

  private static boolean isControl(int codePoint) {
    return Character.isISOControl(codePoint);
  }

  public static boolean containsAny(CharSequence text) {
    return text.chars().anyMatch(ControlCharacters::isControl);
  }

  /** {@code text} with each run of control characters replaced by one space. */
  public static String flatten(String text) {
    StringBuilder flat = new StringBuilder(text.length());
    boolean inRun = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isControl(c)) {
        if (!inRun) {
          flat.append(' ');
        }
        inRun = true;
      } else {
        flat.append(c);
        inRun = false;
      }
    }
    return flat.toString();
  }

  private ControlCharacters() {}
}
