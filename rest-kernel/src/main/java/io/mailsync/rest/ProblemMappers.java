package io.mailsync.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.arc.All;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ValidationException;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where errors become answers: every 4xx and 5xx of a service's REST endpoints is a
 * {@link Problem}. Mappers are declared per exception type wherever the framework has a more
 * specific mapper of its own that would answer with another body.
 */
@Singleton
public class ProblemMappers {

  private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
  static final String BEARER = "Bearer";
  static final String ALREADY_EXISTS = "the record already exists";

  private final List<UniqueKey> uniqueKeys;

  /**
   * @param uniqueKeys the service's unique keys that stand for one input each
   */
  public ProblemMappers(@All List<UniqueKey> uniqueKeys) {
    this.uniqueKeys = List.copyOf(uniqueKeys);
  }

  @ServerExceptionMapper
  public Response invalidRequest(InvalidRequestException e) {
    return Problem.invalid(e.problems()).toResponse();
  }

  @ServerExceptionMapper
  public Response invalidParameter(InvalidParameterException e) {
    return Problem.invalid(List.of(e.problem())).toResponse();
  }

  @ServerExceptionMapper
  public Response conflict(ConflictException e) {
    return Problem.conflict(e.problem()).toResponse();
  }

  @ServerExceptionMapper
  public Response idempotencyKeyReused(IdempotencyKeyReusedException e) {
    return Problem.idempotencyKeyReused(e.problem()).toResponse();
  }

  @ServerExceptionMapper
  public Response constraintViolation(ConstraintViolationException e) {
    if (e.getConstraintViolations().stream().anyMatch(ViolationProblems::isReturnValue)) {
      return unexpected(e);
    }
    return Problem.invalid(ViolationProblems.of(e.getConstraintViolations())).toResponse();
  }

  /** Wrong JSON types and unknown properties: the JSON reader passes these on as they are. */
  @ServerExceptionMapper({
    MismatchedInputException.class,
    InvalidFormatException.class,
    UnrecognizedPropertyException.class
  })
  public Response unreadableValue(MismatchedInputException e) {
    return jsonBody(e);
  }

  @ServerExceptionMapper
  public Response unreadableJson(JsonProcessingException e) {
    if (e instanceof InvalidDefinitionException) {
      // The body is fine; the server's own type can't be read into: a bug, not bad input.
      return unexpected(e);
    }
    return jsonBody(e);
  }

  /** A path or query parameter the framework itself failed to convert arrives as a 404. */
  @ServerExceptionMapper
  public Response notFound(NotFoundException e) {
    if (e.getCause() != null) {
      return Problem.of(400, "a path or query parameter is not a value of its type").toResponse();
    }
    return status(e);
  }

  /**
   * The framework's own refusals (unknown method or media type, bodies the JSON reader could not
   * parse) and those thrown by endpoints, keeping their headers such as {@code Allow} and {@code
   * WWW-Authenticate}.
   */
  @ServerExceptionMapper({
    WebApplicationException.class,
    BadRequestException.class,
    NotAuthorizedException.class,
    ForbiddenException.class,
    NotAllowedException.class,
    NotAcceptableException.class,
    NotSupportedException.class
  })
  public Response webApplication(WebApplicationException e) {
    if (e.getResponse().getStatus() < 400) {
      return e.getResponse();
    }
    if (e.getCause() instanceof JsonProcessingException json) {
      return unreadableJson(json);
    }
    return status(e);
  }

  /**
   * Bean Validation misused by the server (bad constraint definitions): never the client's fault.
   */
  @ServerExceptionMapper
  public Response validationFailed(ValidationException e) {
    return unexpected(e);
  }

  /** A missing, expired or untrusted token, found by proactive authentication. */
  @ServerExceptionMapper({
    AuthenticationFailedException.class,
    AuthenticationCompletionException.class,
    UnauthorizedException.class
  })
  public Response unauthenticated(RuntimeException e) {
    return Response.fromResponse(Problem.of(401).toResponse())
        .header(HttpHeaders.WWW_AUTHENTICATE, BEARER)
        .build();
  }

  @ServerExceptionMapper
  public Response forbidden(io.quarkus.security.ForbiddenException e) {
    return Problem.of(403).toResponse();
  }

  /**
   * Everything else is the server's fault (500, logged, without internals in the body) — except a
   * unique-key violation: the record exists already, or a concurrent request created it first,
   * which is a conflict naming the input when the key is one of the service's {@link UniqueKey}s.
   */
  @ServerExceptionMapper
  public Response unexpected(Throwable e) {
    Optional<UniqueViolation> violation = UniqueViolation.in(e);
    if (violation.isPresent()) {
      return uniqueKeys.stream()
          .filter(violation.get()::of)
          .findFirst()
          .map(key -> Problem.conflict(key.problem()).toResponse())
          .orElseGet(() -> Problem.conflict(ALREADY_EXISTS).toResponse());
    }
    LOG.error("unexpected error answering a request", e);
    return Problem.of(500).toResponse();
  }

  private static Response jsonBody(JsonProcessingException e) {
    return Problem.invalid(List.of(JsonBodyProblems.of(e))).toResponse();
  }

  private static Response status(WebApplicationException e) {
    Response original = e.getResponse();
    int status = original.getStatus();
    if (status >= 500) {
      LOG.error("request failed", e);
    }
    Response.ResponseBuilder answer =
        Response.fromResponse(Problem.of(status, detail(e, status)).toResponse());
    original
        .getHeaders()
        .forEach(
            (name, values) -> {
              if (!HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)
                  && !HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)) {
                values.forEach(value -> answer.header(name, value));
              }
            });
    return answer.build();
  }

  /**
   * The endpoint's own message for a 4xx it threw; a fixed text for the framework's and for 5xx.
   */
  private static String detail(WebApplicationException e, int status) {
    String message = e.getMessage();
    boolean ownMessage = message != null && !message.isBlank() && !message.startsWith("HTTP ");
    if (status < 500 && ownMessage) {
      return message;
    }
    return Problem.defaultDetail(status);
  }
}
