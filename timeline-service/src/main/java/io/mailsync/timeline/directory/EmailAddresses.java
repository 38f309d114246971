package io.mailsync.timeline.directory;

import io.mailsync.contracts.directory.FreeMailDomains;
import java.net.IDN;
import java.util.Locale;
import java.util.regex.Pattern;

/** Normalizes and checks the addresses and domains users enter into the directory. */
final class EmailAddresses {

  private static final Pattern DOMAIN =
      Pattern.compile("^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$");
  private static final Pattern LOCAL_PART =
      Pattern.compile("^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}$");

  /** Free-mail providers: a company is never identified by one of these domains. */
  private static final FreeMailDomains FREE_MAIL = FreeMailDomains.standard();

  /** Lower-cased address, or null when it is not a plausible address. */
  static String normalizeAddress(String address) {
    if (address == null) {
      return null;
    }
    String trimmed = address.strip();
    int at = trimmed.lastIndexOf('@');
    if (at <= 0
        || at != trimmed.indexOf('@')
        || !LOCAL_PART.matcher(trimmed.substring(0, at)).matches()) {
      return null;
    }
    String domain = normalizeDomain(trimmed.substring(at + 1));
    return domain == null ? null : trimmed.substring(0, at).toLowerCase(Locale.ROOT) + "@" + domain;
  }

  /** Lower-cased ASCII (punycode) domain, or null when it is not a domain name. */
  static String normalizeDomain(String domain) {
    if (domain == null || domain.isBlank()) {
      return null;
    }
    try {
      String ascii = IDN.toASCII(domain.strip(), IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
      return DOMAIN.matcher(ascii).matches() ? ascii : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  static boolean isFreeMail(String normalizedDomain) {
    return FREE_MAIL.contains(normalizedDomain);
  }

  private EmailAddresses() {}
}
