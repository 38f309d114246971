package io.mailsync.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;
import java.util.Arrays;
import java.util.Collection;
import java.util.stream.Collectors;

/** Says which field of a JSON body could not be read, and why, in the client's terms. */
final class JsonBodyProblems {

  static FieldProblem of(JsonProcessingException e) {
    String field = e instanceof JsonMappingException mapping ? path(mapping) : "";
    if (e instanceof PropertyBindingException unknown) {
      return new FieldProblem(
          field.isEmpty() ? unknown.getPropertyName() : field, "is not a property of this request");
    }
    if (e instanceof InvalidFormatException format && format.getTargetType() != null) {
      return new FieldProblem(
          orBody(field),
          "has the wrong value or type: expected " + expected(format.getTargetType()));
    }
    if (e instanceof MismatchedInputException mismatch
        && mismatch.getTargetType() != null
        && !field.isEmpty()) {
      return new FieldProblem(
          field, "has the wrong type: expected " + expected(mismatch.getTargetType()));
    }
    if (field.isEmpty()) {
      return new FieldProblem("body", "is not valid JSON: " + e.getOriginalMessage());
    }
    return new FieldProblem(field, "is not readable: " + e.getOriginalMessage());
  }

  /** {@code imap.port}, {@code to[0].address}: the JSON path of the value that failed. */
  static String path(JsonMappingException e) {
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

  private static String orBody(String field) {
    return field.isEmpty() ? "body" : field;
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
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "an array";
    }
    return "an object";
  }

  private JsonBodyProblems() {}
}
