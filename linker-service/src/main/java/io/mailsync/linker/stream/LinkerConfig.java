package io.mailsync.linker.stream;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** Settings of the linker (prefix {@code mailsync.linker}); documented in the README. */
@ConfigMapping(prefix = "mailsync.linker")
public interface LinkerConfig {

  /**
   * How long a message that matches nothing waits for late directory changes before it is announced
   * as unmatched. Zero announces at once.
   */
  @WithDefault("30s")
  Duration directoryGrace();

  /** How often held messages are checked for the end of their grace period. */
  @WithDefault("1s")
  Duration graceCheckInterval();

  /** Free-mail domains on top of the built-in list, e.g. regional providers. */
  Optional<Set<String>> additionalFreeMailDomains();
}
