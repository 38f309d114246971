package io.mailsync.fetcher.mailbox;

import java.util.List;

/** A request that can't be accepted as it is; answered with 400 naming the fields. */
public class InvalidRequestException extends RuntimeException {

  private final List<FieldProblem> problems;

  public InvalidRequestException(List<FieldProblem> problems) {
    super(problems.isEmpty() ? "invalid request" : problems.getFirst().describe());
    this.problems = List.copyOf(problems);
  }

  public List<FieldProblem> problems() {
    return problems;
  }
}
