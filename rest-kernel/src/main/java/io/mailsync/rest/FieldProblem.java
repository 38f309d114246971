package io.mailsync.rest;

/**
 * One thing wrong with one input of a request.
 *
 * @param field the input: a JSON path into the body such as {@code imap.port} or {@code
 *     to[0].address}, or the name of a query, path or header parameter such as {@code limit}
 * @param detail what is wrong, worded to follow the field's name, e.g. "must be between 1 and
 *     65535"
 */
public record FieldProblem(String field, String detail) {

  /** E.g. "imap.port must be between 1 and 65535". */
  public String describe() {
    return field + " " + detail;
  }
}
