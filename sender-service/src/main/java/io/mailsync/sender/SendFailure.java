package io.mailsync.sender;

/**
 * Why a send did not (or must not) happen, worded for the user who asked for it. Reasons never
 * carry credentials.
 *
 * @see io.mailsync.contracts.send.EmailSendFailed
 */
public class SendFailure extends RuntimeException {

  private final boolean permanent;

  public SendFailure(String reason, boolean permanent) {
    super(reason, null, false, false);
    this.permanent = permanent;
  }

  /** A failure that retrying the same command cannot fix (bad input, unknown mailbox, ...). */
  public static SendFailure permanent(String reason) {
    return new SendFailure(reason, true);
  }

  /** A failure of the moment (server down, timeout) that a new command may not meet. */
  public static SendFailure transientFailure(String reason) {
    return new SendFailure(reason, false);
  }

  public String reason() {
    return getMessage();
  }

  public boolean permanent() {
    return permanent;
  }
}
