package io.mailsync.mail.address;

import java.net.IDN;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Host name syntax, for mail server hosts and the domains of addresses alike: letters, digits and
 * hyphens in labels of at most 63 characters, at most 253 in all, internationalized names in their
 * ASCII (punycode) form.
 */
public final class HostNames {

  private static final Pattern LABEL =
      Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

  /** The ASCII form of {@code name} without a trailing dot, or empty when it is not a host name. */
  public static Optional<String> toAscii(String name) {
    if (name == null || name.isBlank()) {
      return Optional.empty();
    }
    String ascii;
    try {
      ascii = IDN.toASCII(name, IDN.ALLOW_UNASSIGNED);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (ascii.endsWith(".")) {
      ascii = ascii.substring(0, ascii.length() - 1);
    }
    if (ascii.isEmpty() || ascii.length() > 253) {
      return Optional.empty();
    }
    for (String label : ascii.split("\\.", -1)) {
      if (!LABEL.matcher(label).matches()) {
        return Optional.empty();
      }
    }
    return Optional.of(ascii);
  }

  private HostNames() {}
}
