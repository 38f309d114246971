package io.mailsync.fetcher.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.mailsync.fetcher.mailbox.DuplicateMailboxException;
import io.mailsync.fetcher.mailbox.FieldProblem;
import io.mailsync.fetcher.mailbox.InvalidRequestException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns request errors into 4xx answers that name the offending field. */
public class ApiExceptionMappers {

  @ServerExceptionMapper
  public RestResponse<ApiError> invalid(InvalidRequestException e) {
    return RestResponse.status(Response.Status.BAD_REQUEST, ApiError.of(e.problems()));
  }

  @ServerExceptionMapper
  public RestResponse<ApiError> duplicate(DuplicateMailboxException e) {
    return RestResponse.status(
        Response.Status.CONFLICT,
        ApiError.of(
            List.of(
                new FieldProblem(
                    "emailAddress", "is already registered as a mailbox of this tenant"))));
  }

  /** Wrong JSON types, e.g. a string where a port number belongs, or an unknown security. */
  @ServerExceptionMapper
  public RestResponse<ApiError> mismatched(MismatchedInputException e) {
    return badJson(e);
  }

  @ServerExceptionMapper
  public RestResponse<ApiError> unreadable(JsonProcessingException e) {
    return badJson(e);
  }

  /** The JSON reader reports unparsable bodies wrapped in a bare 400; give them a reason. */
  @ServerExceptionMapper
  public Response unparsable(WebApplicationException e) {
    if (e.getCause() instanceof JsonProcessingException json) {
      return badJson(json).toResponse();
    }
    return e.getResponse();
  }

  private static RestResponse<ApiError> badJson(JsonProcessingException e) {
    String field = e instanceof JsonMappingException mapping ? path(mapping) : "";
    String message;
    if (e instanceof InvalidFormatException format && format.getTargetType() != null) {
      message = "has the wrong value or type: expected " + expected(format.getTargetType());
    } else if (e instanceof MismatchedInputException mismatch
        && mismatch.getTargetType() != null
        && !field.isEmpty()) {
      message = "has the wrong type: expected " + expected(mismatch.getTargetType());
    } else if (field.isEmpty()) {
      field = "body";
      message = "is not valid JSON: " + e.getOriginalMessage();
    } else {
      message = "is not readable: " + e.getOriginalMessage();
    }
    return RestResponse.status(
        Response.Status.BAD_REQUEST, ApiError.of(List.of(new FieldProblem(field, message))));
  }

  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static String expected(Class<?> type) {
    if (type.isEnum()) {
      return "one of "
          + Arrays.stream(type.getEnumConstants())
              .map(Object::toString)
              .collect(Collectors.joining(", "));
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "a whole number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "a string";
    }
    if (List.class.isAssignableFrom(type)) {
      return "an array";
    }
    return "an object";
  }
}
