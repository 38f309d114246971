package io.mailsync.fetcher.imap;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How long a mailbox waits after failed syncs in a row: the initial backoff doubled per further
 * failure up to the cap, of which a random half is taken off ("equal jitter"), so that mailboxes
 * that failed together (a server restart) do not all come back in the same second, and none comes
 * back sooner than half its backoff.
 */
final class RetryBackoff {

  private final Duration initial;
  private final Duration max;
  private final RandomGenerator random;

  RetryBackoff(Duration initial, Duration max, RandomGenerator random) {
    if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException(
          "retry backoff needs 0 < initial-backoff <= max-backoff, got " + initial + ", " + max);
    }
    this.initial = initial;
    this.max = max;
    this.random = random;
  }

  /** The wait after the {@code failures}-th failure in a row (1 for the first). */
  Duration after(int failures) {
    Duration full = max;
    // 2^30 times any initial backoff is past every sensible cap: stop doubling there.
    int doublings = Math.min(Math.max(failures, 1) - 1, 30);
    long millis = initial.toMillis() << doublings;
    if (millis > 0 && millis < max.toMillis()) {
      full = Duration.ofMillis(millis);
    }
    long half = full.toMillis() / 2;
    return Duration.ofMillis(full.toMillis() - half + random.nextLong(half + 1));
  }
}
