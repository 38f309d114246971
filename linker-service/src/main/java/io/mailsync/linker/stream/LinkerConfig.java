package io.mailsync.linker.stream;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Settings of the linker (prefix {@code mailsync.linker}); documented in the README. Free-mail
 * domains are the shared {@code mailsync.free-mail.*} setting ({@code FreeMailConfig}).
 */
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
}
