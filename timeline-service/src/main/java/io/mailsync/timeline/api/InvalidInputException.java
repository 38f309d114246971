package io.mailsync.timeline.api;

/** A request input that passed JSON parsing but makes no sense; answered with 400 naming it. */
public class InvalidInputException extends RuntimeException {

  private final String field;

  public InvalidInputException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
