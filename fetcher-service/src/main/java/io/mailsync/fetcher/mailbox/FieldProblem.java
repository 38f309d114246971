package io.mailsync.fetcher.mailbox;

/** One thing wrong with a request, naming the field as a JSON path, e.g. {@code imap.port}. */
public record FieldProblem(String field, String message) {

  /** E.g. "imap.port must be between 1 and 65535". */
  public String describe() {
    return field + " " + message;
  }
}
