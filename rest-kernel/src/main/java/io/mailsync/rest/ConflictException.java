package io.mailsync.rest;

/** The request clashes with existing data, e.g. an address already taken; answered 409. */
public class ConflictException extends RuntimeException {

  private final FieldProblem problem;

  /**
   * @param detail worded to follow the field's name, e.g. "is already registered"
   */
  public ConflictException(String field, String detail) {
    this(new FieldProblem(field, detail), null);
  }

  /** A conflict found by the database (a unique key), kept as the cause. */
  public ConflictException(String field, String detail, Throwable cause) {
    this(new FieldProblem(field, detail), cause);
  }

  private ConflictException(FieldProblem problem, Throwable cause) {
    super(problem.describe(), cause);
    this.problem = problem;
  }

  public FieldProblem problem() {
    return problem;
  }
}
