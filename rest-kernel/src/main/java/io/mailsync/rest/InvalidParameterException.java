package io.mailsync.rest;

import jakarta.ws.rs.BadRequestException;

/**
 * A query, path or header parameter whose text is not a value of its type, e.g. {@code ?limit=abc}.
 * A {@code WebApplicationException}, so the framework passes it on as thrown instead of answering
 * 404 for a query or path parameter as Jakarta REST prescribes.
 */
public class InvalidParameterException extends BadRequestException {

  private final FieldProblem problem;

  public InvalidParameterException(String parameter, String detail) {
    super(parameter + " " + detail);
    this.problem = new FieldProblem(parameter, detail);
  }

  public FieldProblem problem() {
    return problem;
  }
}
