package io.mailsync.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The body of every 4xx and 5xx answer: RFC 9457 problem details, served as {@value #MEDIA_TYPE}.
 *
 * <p>{@code type} is {@code about:blank} when the status code says it all (401, 404, 405, …; the
 * {@code title} is then the status's reason phrase), {@link #INVALID_REQUEST} when inputs are wrong
 * (400, with {@code field} and {@code problems}) and {@link #CONFLICT} when the request clashes
 * with existing data (409, with {@code field} and {@code problems} where one input is to blame),
 * and {@link #IDEMPOTENCY_KEY_REUSED} for an idempotency key first sent with another request (422,
 * naming the header).
 *
 * @param field the first offending input, or absent
 * @param problems every offending input, or absent
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
    URI type, String title, int status, String detail, String field, List<FieldProblem> problems) {

  public static final String MEDIA_TYPE = "application/problem+json";

  public static final URI ABOUT_BLANK = URI.create("about:blank");

  /** Inputs that can't be accepted as they are; {@code problems} names each. */
  public static final URI INVALID_REQUEST = URI.create("urn:mailsync:problem:invalid-request");

  /** The request clashes with what exists, e.g. an address already registered. */
  public static final URI CONFLICT = URI.create("urn:mailsync:problem:conflict");

  /** An {@code Idempotency-Key} first sent with another request. */
  public static final URI IDEMPOTENCY_KEY_REUSED =
      URI.create("urn:mailsync:problem:idempotency-key-reused");

  private static final Map<Integer, String> DETAILS =
      Map.of(
          400, "the request is malformed",
          401, "a valid bearer token is required",
          403, "the caller is not allowed to do this",
          404, "no such resource",
          405, "this method is not allowed on this resource",
          406, "no acceptable representation: this API answers application/json",
          415, "unsupported content type: send application/json",
          500, "an unexpected error occurred");

  /** A problem the status code describes, e.g. 404 "Not Found", "no such resource". */
  public static Problem of(int status) {
    return of(status, defaultDetail(status));
  }

  /** A problem the status code describes, with what went wrong this time. */
  public static Problem of(int status, String detail) {
    return new Problem(ABOUT_BLANK, reasonPhrase(status), status, detail, null, null);
  }

  /** 400 naming every offending input in the order given; the detail describes them all. */
  public static Problem invalid(List<FieldProblem> problems) {
    return withFields(INVALID_REQUEST, "Invalid request", 400, problems);
  }

  /** 409 naming the input that clashes. */
  public static Problem conflict(FieldProblem problem) {
    return withFields(CONFLICT, "Conflict", 409, List.of(problem));
  }

  /** 422 naming the {@code Idempotency-Key} that came with another request before. */
  public static Problem idempotencyKeyReused(FieldProblem problem) {
    return withFields(IDEMPOTENCY_KEY_REUSED, "Idempotency key reused", 422, List.of(problem));
  }

  /** 409 where no single input is to blame. */
  public static Problem conflict(String detail) {
    return new Problem(CONFLICT, "Conflict", 409, detail, null, null);
  }

  /** This problem as an answer with its status and the problem media type. */
  public Response toResponse() {
    return Response.status(status).type(MEDIA_TYPE).entity(this).build();
  }

  private static Problem withFields(
      URI type, String title, int status, List<FieldProblem> problems) {
    String detail = problems.stream().map(FieldProblem::describe).collect(Collectors.joining("; "));
    String field = problems.isEmpty() ? null : problems.getFirst().field();
    return new Problem(type, title, status, detail, field, List.copyOf(problems));
  }

  static String defaultDetail(int status) {
    return DETAILS.getOrDefault(status, reasonPhrase(status).toLowerCase(Locale.ROOT));
  }

  static String reasonPhrase(int status) {
    Response.StatusType known = Response.Status.fromStatusCode(status);
    if (known != null) {
      return known.getReasonPhrase();
    }
    return status >= 500 ? "Server Error" : "Client Error";
  }
}
