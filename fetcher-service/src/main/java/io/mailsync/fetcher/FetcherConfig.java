package io.mailsync.fetcher;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Settings of the fetcher ({@code mailsync.fetcher.*}); documented in the module README. */
@ConfigMapping(prefix = "mailsync.fetcher")
public interface FetcherConfig {

  /**
   * How often every assigned mailbox is synced. Read by {@code SyncScheduler}'s {@code @Scheduled}
   * expression, which sees this default as the property's value.
   */
  @WithDefault("30s")
  Duration pollInterval();

  /** How far back the first sync of a folder looks. */
  @WithDefault("P90D")
  Duration initialWindow();

  /** Text and HTML bodies travel in events up to this many characters each. */
  @WithDefault("262144")
  int bodyCapChars();

  /**
   * Largest {@code MessageFetched} as serialized JSON; bigger ones lose content until they fit (the
   * broker refuses records over 1 MB).
   */
  @WithDefault("900000")
  int maxEventBytes();

  /** Mailboxes synced at the same time by this replica. */
  @WithDefault("4")
  int maxConcurrentSyncs();

  /** Longest wait for the broker to acknowledge a published record. */
  @WithDefault("30s")
  Duration publishTimeout();

  Retry retry();

  Credentials credentials();

  /** When a mailbox whose sync failed is tried again (a refused login waits for the user). */
  interface Retry {

    /** The wait after the first failure, doubled after each further one in a row, with jitter. */
    @WithDefault("15s")
    Duration initialBackoff();

    /** The longest wait between attempts. */
    @WithDefault("30m")
    Duration maxBackoff();
  }

  interface Credentials {

    /** Base64 of 32 random bytes; seals passwords in the database. Required in production. */
    Optional<String> atRestKey();

    @WithDefault("atrest1")
    String atRestKeyId();

    /**
     * Earlier at-rest keys by id ({@code previous-at-rest-keys.<id>}) that still open passwords; a
     * password sealed with one is re-sealed with the current key, and its mailbox announced again,
     * when the fetcher next starts (see KeyRotationSweep).
     */
    Map<String, String> previousAtRestKeys();
  }
}
