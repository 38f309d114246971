package io.mailsync.sender;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the sender-service; each is documented in the module README. */
@ConfigMapping(prefix = "mailsync.sender")
public interface SenderConfig {

  /**
   * How long a command waits for its mailbox's settings to arrive before it fails; the settings and
   * the commands travel on different topics, so a brand-new mailbox may lag a little.
   */
  @WithDefault("20s")
  Duration mailboxWait();

  /**
   * How long an attempt found PENDING is assumed to be still in flight on another replica (during a
   * consumer-group rebalance) before it is treated as interrupted.
   */
  @WithDefault("2m")
  Duration inFlightGrace();
}
