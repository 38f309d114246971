package io.mailsync.rest;

import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.lang.annotation.Annotation;
import java.util.Optional;

/**
 * Names a resource method's parameter as the client sends it: {@code limit}, {@code
 * Idempotency-Key}.
 */
final class RequestParameters {

  /**
   * The HTTP name of a query, path, header, cookie, form or matrix parameter; empty for the body.
   */
  static Optional<String> name(Annotation[] annotations) {
    for (Annotation annotation : annotations) {
      String name =
          switch (annotation) {
            case QueryParam query -> query.value();
            case PathParam path -> path.value();
            case HeaderParam header -> header.value();
            case CookieParam cookie -> cookie.value();
            case FormParam form -> form.value();
            case MatrixParam matrix -> matrix.value();
            default -> null;
          };
      if (name != null) {
        return Optional.of(name);
      }
    }
    return Optional.empty();
  }

  private RequestParameters() {}
}
