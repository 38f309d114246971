package io.mailsync.contracts.kafka;

import io.smallrye.mutiny.Uni;
import java.time.Duration;

/**
 * How consumers treat failures: a {@link PoisonRecord} is final and its record goes to the
 * dead-letter topic; anything else — a database or broker outage, or a bug — is retried with
 * back-off while the partition waits (and dead-lettered only when the retries run out), so an
 * outage delays records instead of losing them.
 */
public final class TransientFailures {

  private static final int MAX_ATTEMPTS = 30;
  private static final Duration FIRST_BACK_OFF = Duration.ofMillis(200);
  private static final Duration MAX_BACK_OFF = Duration.ofSeconds(30);

  /** {@code work} must be lazy (re-subscribing runs it again), as Mutiny pipelines are. */
  public static <T> Uni<T> retried(Uni<T> work) {
    return work.onFailure(TransientFailures::isTransient)
        .retry()
        .withBackOff(FIRST_BACK_OFF, MAX_BACK_OFF)
        .atMost(MAX_ATTEMPTS);
  }

  public static boolean isTransient(Throwable failure) {
    return !(failure instanceof PoisonRecord);
  }

  private TransientFailures() {}
}
