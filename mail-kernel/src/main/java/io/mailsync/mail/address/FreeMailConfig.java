package io.mailsync.mail.address;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;
import java.util.Set;

/**
 * Free-mail settings ({@code mailsync.free-mail.*}), read alike by the linker, which never links a
 * company by such a domain, and the timeline, which never lets one identify a company: give both
 * the same value.
 */
@ConfigMapping(prefix = "mailsync.free-mail")
public interface FreeMailConfig {

  String ADDITIONAL_DOMAINS = "mailsync.free-mail.additional-domains";

  /**
   * Free-mail domains on top of the built-in list (comma-separated), e.g. regional providers; in
   * any case, internationalized names allowed.
   */
  Optional<Set<String>> additionalDomains();
}
