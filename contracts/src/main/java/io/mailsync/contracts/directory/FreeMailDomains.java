package io.mailsync.contracts.directory;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Domains anyone can get an address at. A shared domain says nothing about which company a person
 * belongs to, so it never links a message to a company.
 */
public final class FreeMailDomains {

  private static final Set<String> STANDARD =
      Set.of(
          "gmail.com",
          "googlemail.com",
          "outlook.com",
          "live.com",
          "msn.com",
          "aol.com",
          "icloud.com",
          "me.com",
          "mac.com",
          "ymail.com",
          "rocketmail.com",
          "web.de",
          "t-online.de",
          "freenet.de",
          "proton.me",
          "pm.me",
          "protonmail.com",
          "protonmail.ch",
          "tutanota.com",
          "tuta.io",
          "mail.ru",
          "inbox.ru",
          "list.ru",
          "bk.ru",
          "rambler.ru",
          "mail.com",
          "zoho.com",
          "fastmail.com",
          "hey.com",
          "qq.com",
          "163.com",
          "126.com",
          "naver.com",
          "seznam.cz",
          "wp.pl",
          "o2.pl",
          "interia.pl",
          "libero.it",
          "orange.fr",
          "free.fr",
          "laposte.net",
          "bluewin.ch",
          "comcast.net",
          "rediffmail.com");

  /**
   * Providers with a domain per country: {@code yahoo.co.uk}, {@code gmx.de}, {@code hotmail.fr},
   * {@code yandex.ru}, {@code outlook.de}, {@code live.co.uk}, {@code aol.de}.
   */
  private static final Pattern COUNTRY_FAMILIES =
      Pattern.compile(
          "(yahoo|hotmail|gmx|yandex|outlook|live|aol)\\.([a-z]{2,3}|[a-z]{2,3}\\.[a-z]{2})");

  private final Set<String> additional;

  private FreeMailDomains(Set<String> additional) {
    this.additional = additional;
  }

  public static FreeMailDomains standard() {
    return new FreeMailDomains(Set.of());
  }

  /** The standard list plus the operator's own, e.g. regional providers. */
  public static FreeMailDomains withAdditional(Set<String> domains) {
    Set<String> normalized = new HashSet<>();
    for (String domain : domains) {
      String d = domain.strip().toLowerCase(Locale.ROOT);
      if (!d.isEmpty()) {
        normalized.add(d.startsWith("@") ? d.substring(1) : d);
      }
    }
    return new FreeMailDomains(Set.copyOf(normalized));
  }

  /** {@code domain} lower-case, e.g. {@code gmail.com}. */
  public boolean contains(String domain) {
    return STANDARD.contains(domain)
        || additional.contains(domain)
        || COUNTRY_FAMILIES.matcher(domain).matches();
  }
}
