package io.mailsync.timeline.api;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns bad input into 400/404/409 answers that say what is wrong, in one JSON shape. */
public class ErrorMappers {

  @ServerExceptionMapper
  public Response invalidInput(InvalidInputException e) {
    return answer(400, "invalid input", e.field(), e.getMessage());
  }

  @ServerExceptionMapper
  public Response conflict(ConflictException e) {
    return answer(409, "conflict", e.field(), e.getMessage());
  }

  @ServerExceptionMapper
  public Response notFound(NotFoundException e) {
    return answer(404, "not found", null, "no such resource");
  }

  @ServerExceptionMapper
  public Response constraintViolation(ConstraintViolationException e) {
    ConstraintViolation<?> first =
        e.getConstraintViolations().stream()
            .min(Comparator.comparing(v -> v.getPropertyPath().toString()))
            .orElse(null);
    if (first == null) {
      return answer(400, "invalid input", null, e.getMessage());
    }
    String field = field(first.getPropertyPath());
    String all =
        e.getConstraintViolations().stream()
            .map(v -> field(v.getPropertyPath()) + " " + v.getMessage())
            .sorted()
            .collect(Collectors.joining("; "));
    return answer(400, "invalid input", field, all);
  }

  // The JSON mappers are declared per type because the framework maps the more specific Jackson
  // exceptions itself, with a body that does not name the field.
  @ServerExceptionMapper
  public Response mismatchedInput(MismatchedInputException e) {
    return unreadableJson(e);
  }

  @ServerExceptionMapper
  public Response invalidFormat(InvalidFormatException e) {
    return unreadableJson(e);
  }

  @ServerExceptionMapper
  public Response unparsableJson(JsonParseException e) {
    return unreadableJson(e);
  }

  @ServerExceptionMapper
  public Response unreadableJson(JsonProcessingException e) {
    String field = null;
    if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      field =
          mapping.getPath().stream()
              .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
              .collect(Collectors.joining("."))
              .replace(".[", "[");
    }
    String message =
        field == null
            ? "request body is not valid JSON: " + e.getOriginalMessage()
            : field + " has the wrong type or format";
    return answer(400, "invalid input", field, message);
  }

  /** {@code create.request.emailDomains[1]} → {@code emailDomains[1]}: the body field only. */
  static String field(Path path) {
    String full = path.toString();
    String[] parts = full.split("\\.", 3);
    return parts.length == 3 ? parts[2] : full;
  }

  private static Response answer(int status, String error, String field, String message) {
    return Response.status(status).entity(new ApiError(status, error, field, message)).build();
  }
}
