package io.mailsync.contracts.kafka;

/**
 * A record no retry can process — unreadable, or lacking what its contract requires — so it goes to
 * the consumer's dead-letter topic at once with this reason. Only this exception means "poison":
 * any other failure is treated as an outage and retried ({@link TransientFailures}), so a bug or a
 * database error is never mistaken for bad input and a record is never dead-lettered for it early.
 */
public class PoisonRecord extends RuntimeException {

  public PoisonRecord(String reason) {
    super(reason, null, false, false);
  }

  /** With the failure that made the record unreadable, named as the dead letter's cause. */
  public PoisonRecord(String reason, Throwable cause) {
    super(reason, cause, false, false);
  }
}
