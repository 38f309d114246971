package io.mailsync.rest;

import java.util.List;

/** Inputs that passed parsing but can't be accepted; answered 400 naming each of them. */
public class InvalidRequestException extends RuntimeException {

  private final List<FieldProblem> problems;

  public InvalidRequestException(List<FieldProblem> problems) {
    super(problems.isEmpty() ? "invalid request" : problems.getFirst().describe());
    this.problems = List.copyOf(problems);
  }

  /**
   * @param detail worded to follow the field's name, e.g. "must be between 1 and 200"
   */
  public InvalidRequestException(String field, String detail) {
    this(List.of(new FieldProblem(field, detail)));
  }

  public List<FieldProblem> problems() {
    return problems;
  }
}
