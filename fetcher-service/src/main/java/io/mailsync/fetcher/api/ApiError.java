package io.mailsync.fetcher.api;

import io.mailsync.fetcher.mailbox.FieldProblem;
import java.util.List;

/**
 * Body of every 4xx answer.
 *
 * @param error readable summary naming the first offending field
 * @param field that field as a JSON path (e.g. {@code imap.port}), or null
 * @param problems every offending field
 */
public record ApiError(String error, String field, List<FieldProblem> problems) {

  public static ApiError of(List<FieldProblem> problems) {
    FieldProblem first = problems.getFirst();
    return new ApiError(first.describe(), first.field(), problems);
  }

  public static ApiError of(String error) {
    return new ApiError(error, null, List.of());
  }
}
