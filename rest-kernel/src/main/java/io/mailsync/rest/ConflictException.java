package io.mailsync.rest;

/**
 * The request clashes with existing data, e.g. an address already taken; answered 409. What a
 * unique key of the database decides is declared as a {@link UniqueKey} instead.
 */
public class ConflictException extends RuntimeException {

  private final FieldProblem problem;

  /**
   * @param detail worded to follow the field's name, e.g. "is already registered"
   */
  public ConflictException(String field, String detail) {
    super(field + " " + detail);
    this.problem = new FieldProblem(field, detail);
  }

  public FieldProblem problem() {
    return problem;
  }
}
