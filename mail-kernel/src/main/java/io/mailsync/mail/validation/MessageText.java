package io.mailsync.mail.validation;

/**
 * Turns text that may hold user input (a host, a folder name, an address) into a Bean Validation
 * message template that says exactly that text: braces, {@code $} and backslashes would otherwise
 * be read as parameters or expressions.
 */
public final class MessageText {

  public static String literal(String text) {
    StringBuilder template = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' || c == '{' || c == '}' || c == '$') {
        template.append('\\');
      }
      template.append(c);
    }
    return template.toString();
  }

  private MessageText() {}
}
