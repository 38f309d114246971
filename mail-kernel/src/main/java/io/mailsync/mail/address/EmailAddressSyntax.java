package io.mailsync.mail.address;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one address and domain syntax of Mailsync: what the timeline accepts from users, what the
 * linker matches and what the sender sends to. An address is a bare RFC 5322 addr-spec with a
 * dot-atom local part (no quoted strings, comments or display names) and a domain that is an RFC
 * 5321 host name, internationalized names allowed and compared in their ASCII (punycode) form;
 * Angus Mail's strict parser has the last word, so the sender never refuses what the timeline let
 * through.
 */
public final class EmailAddressSyntax {

  private static final Pattern LOCAL_PART =
      Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");

  /** Two labels or more, the last starting with a letter (labels themselves: {@link HostNames}). */
  private static final Pattern DOMAIN = Pattern.compile("(?:[^.]+\\.)+[a-z][a-z0-9-]*[a-z0-9]");

  private static final int MAX_LOCAL_PART = 64;
  private static final int MAX_ADDRESS = 254;

  /** Whether {@code text} is an RFC 5322 dot-atom (what may stand unquoted beside an '@'). */
  public static boolean isDotAtom(String text) {
    return text != null && LOCAL_PART.matcher(text).matches();
  }

  /** The address lower-cased with an ASCII domain, or empty when it is not a valid address. */
  public static Optional<String> normalize(String address) {
    return problem(address).isPresent() ? Optional.empty() : Optional.of(normalized(address));
  }

  /** Why {@code address} is not a valid address, completing "to[0].address ...", or empty. */
  public static Optional<String> problem(String address) {
    if (address == null || address.isBlank()) {
      return Optional.of("is required");
    }
    String trimmed = address.strip();
    int at = trimmed.lastIndexOf('@');
    if (at <= 0 || at == trimmed.length() - 1) {
      return Optional.of("is not an email address (expected name@domain)");
    }
    String local = trimmed.substring(0, at);
    if (local.length() > MAX_LOCAL_PART || !LOCAL_PART.matcher(local).matches()) {
      return Optional.of(
          "has an invalid part before the @ (letters, digits, dots and !#$%&'*+/=?^_`{|}~- only)");
    }
    Optional<String> domain = normalizeDomain(trimmed.substring(at + 1));
    if (domain.isEmpty()) {
      return Optional.of("has an invalid domain after the @");
    }
    String ascii = local + "@" + domain.get();
    if (ascii.length() > MAX_ADDRESS) {
      return Optional.of("is longer than " + MAX_ADDRESS + " characters");
    }
    try {
      InternetAddress parsed = new InternetAddress(ascii, true);
      parsed.validate();
      if (!ascii.equals(parsed.getAddress()) || parsed.getPersonal() != null) {
        return Optional.of("must be a bare address, without a name or brackets");
      }
    } catch (AddressException e) {
      return Optional.of("is not a valid email address");
    }
    return Optional.empty();
  }

  /**
   * The lower-cased ASCII (punycode) form of a domain name with at least two labels and a top-level
   * label that starts with a letter, or empty when it is not one.
   */
  public static Optional<String> normalizeDomain(String domain) {
    return HostNames.toAscii(domain == null ? null : domain.strip())
        .map(ascii -> ascii.toLowerCase(Locale.ROOT))
        .filter(ascii -> DOMAIN.matcher(ascii).matches());
  }

  /**
   * The form two addresses are compared in — lower case, the domain in punycode — lenient with
   * local parts the strict syntax refuses, since mail as received is matched as best it can be.
   */
  public static String matchKey(String address) {
    String trimmed = address.strip().toLowerCase(Locale.ROOT);
    if (trimmed.startsWith("<") && trimmed.endsWith(">")) {
      trimmed = trimmed.substring(1, trimmed.length() - 1).strip();
    }
    int at = trimmed.lastIndexOf('@');
    if (at < 0) {
      return trimmed;
    }
    return trimmed.substring(0, at + 1) + domainMatchKey(trimmed.substring(at + 1));
  }

  /**
   * The form two domains are compared in — {@link #normalizeDomain} where it is a domain name, else
   * lower case as written — without a leading {@code @}; lenient like {@link #matchKey}.
   */
  public static String domainMatchKey(String domain) {
    String trimmed = domain.strip().toLowerCase(Locale.ROOT);
    String bare = trimmed.startsWith("@") ? trimmed.substring(1) : trimmed;
    return normalizeDomain(bare).orElse(bare);
  }

  /**
   * The normalized domain of an address, for matching and Message-IDs; empty when the address has
   * no valid domain. Lenient on the local part: mail as received is matched as best it can be.
   */
  public static Optional<String> domainOf(String address) {
    if (address == null) {
      return Optional.empty();
    }
    int at = address.lastIndexOf('@');
    return at < 0 ? Optional.empty() : normalizeDomain(address.substring(at + 1));
  }

  private static String normalized(String address) {
    String trimmed = address.strip();
    int at = trimmed.lastIndexOf('@');
    return trimmed.substring(0, at).toLowerCase(Locale.ROOT)
        + "@"
        + normalizeDomain(trimmed.substring(at + 1)).orElseThrow();
  }

  private EmailAddressSyntax() {}
}
