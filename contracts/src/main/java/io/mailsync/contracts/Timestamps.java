package io.mailsync.contracts;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The clock for times the services store and also answer or compare. */
public final class Timestamps {

  /**
   * Now, in microseconds: what PostgreSQL's {@code timestamptz} keeps. A time answered when a
   * record is created, or carried by an event, then equals the one read back later; the JDK's clock
   * has nanoseconds, which the database would silently round.
   */
  public static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }

  private Timestamps() {}
}
