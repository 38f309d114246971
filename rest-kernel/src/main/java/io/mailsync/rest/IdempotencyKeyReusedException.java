package io.mailsync.rest;

/**
 * An {@code Idempotency-Key} sent again with another request than the one it was first sent with:
 * answered 422, as the IETF Idempotency-Key header draft asks, since repeating the first answer
 * would tell the client its new request was done.
 */
public class IdempotencyKeyReusedException extends RuntimeException {

  static final String HEADER = "Idempotency-Key";

  private final FieldProblem problem =
      new FieldProblem(
          HEADER, "was already used for another request; use a new key for a new request");

  public IdempotencyKeyReusedException() {
    super(HEADER + " reused with another request");
  }

  public FieldProblem problem() {
    return problem;
  }
}
