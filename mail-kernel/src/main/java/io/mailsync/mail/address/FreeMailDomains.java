package io.mailsync.mail.address;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Domains anyone can get an address at. A shared domain says nothing about which company a person
 * belongs to, so it never links a message to a company (the linker) and never identifies one (the
 * timeline refuses it as a company domain). Both services get this bean, built from the same
 * setting ({@link FreeMailConfig}), so they always agree on what is free mail. Domains are compared
 * in the one normalised form of {@link EmailAddressSyntax#normalizeDomain}. Application-scoped:
 * Hibernate Validator sets up its validators before runtime settings are read, so the list is only
 * built on first use.
 */
@ApplicationScoped
public class FreeMailDomains {

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

  /** The standard list plus {@code mailsync.free-mail.additional-domains}. */
  @Inject
  public FreeMailDomains(FreeMailConfig config) {
    this(normalized(config.additionalDomains().orElse(Set.of())));
  }

  private FreeMailDomains(Set<String> additional) {
    this.additional = additional;
  }

  public static FreeMailDomains standard() {
    return new FreeMailDomains(Set.of());
  }

  /**
   * The standard list plus the operator's own, e.g. regional providers; each may be written with a
   * leading {@code @}, blank ones are ignored.
   *
   * @throws IllegalArgumentException naming the first one that is not a domain name
   */
  public static FreeMailDomains withAdditional(Collection<String> domains) {
    return new FreeMailDomains(normalized(domains));
  }

  /** Whether {@code domain}, in any case or as an internationalized name, is a free-mail domain. */
  public boolean contains(String domain) {
    return EmailAddressSyntax.normalizeDomain(domain)
        .map(
            d ->
                STANDARD.contains(d)
                    || additional.contains(d)
                    || COUNTRY_FAMILIES.matcher(d).matches())
        .orElse(false);
  }

  private static Set<String> normalized(Collection<String> domains) {
    Set<String> normalized = new HashSet<>();
    for (String domain : domains) {
      String d = domain == null ? "" : domain.strip();
      if (d.isEmpty()) {
        continue;
      }
      String bare = d.startsWith("@") ? d.substring(1) : d;
      normalized.add(
          EmailAddressSyntax.normalizeDomain(bare)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          FreeMailConfig.ADDITIONAL_DOMAINS
                              + " lists \""
                              + domain
                              + "\", which is not a domain name")));
    }
    return Set.copyOf(normalized);
  }
}
