package io.mailsync.timeline.api;

/**
 * The request clashes with existing data (e.g. a contact's address is taken); answered with 409.
 */
public class ConflictException extends RuntimeException {

  private final String field;

  public ConflictException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
