package io.mailsync.rest;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.lang.reflect.Method;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Names the input behind each Bean Validation violation of a resource method's parameters: the JSON
 * path into the body ({@code to[0].address}), the parameter's HTTP name ({@code Idempotency-Key}),
 * or {@code body} for a missing body.
 */
public final class ViolationProblems {

  static List<FieldProblem> of(Set<? extends ConstraintViolation<?>> violations) {
    return violations.stream()
        .map(v -> new FieldProblem(field(v), v.getMessage()))
        .sorted(Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::detail))
        .toList();
  }

  /** True when a method's result broke its constraints: the server's fault, not the client's. */
  static boolean isReturnValue(ConstraintViolation<?> violation) {
    for (Path.Node node : violation.getPropertyPath()) {
      if (node.getKind() == ElementKind.RETURN_VALUE) {
        return true;
      }
    }
    return false;
  }

  public static String field(ConstraintViolation<?> violation) {
    Path.MethodNode method = null;
    Path.ParameterNode parameter = null;
    StringBuilder path = new StringBuilder();
    for (Path.Node node : violation.getPropertyPath()) {
      switch (node.getKind()) {
        case METHOD -> method = node.as(Path.MethodNode.class);
        case PARAMETER -> parameter = node.as(Path.ParameterNode.class);
        default -> append(path, node);
      }
    }
    if (!path.isEmpty()) {
      return path.toString();
    }
    if (method != null && parameter != null) {
      return httpName(violation.getRootBeanClass(), method, parameter.getParameterIndex())
          .orElse("body");
    }
    return parameter != null ? parameter.getName() : "body";
  }

  private static void append(StringBuilder path, Path.Node node) {
    if (node.isInIterable()) {
      Object position = node.getIndex() != null ? node.getIndex() : node.getKey();
      path.append('[').append(position == null ? "" : position).append(']');
    }
    if (node.getName() == null || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
      return;
    }
    if (!path.isEmpty()) {
      path.append('.');
    }
    path.append(node.getName());
  }

  /**
   * The parameter's {@code @QueryParam}/{@code @HeaderParam}/… name, looked up along the class
   * hierarchy: the validated instance may be a generated subclass whose overriding method does not
   * repeat the parameter annotations.
   */
  private static Optional<String> httpName(Class<?> type, Path.MethodNode node, int index) {
    Class<?>[] parameterTypes = node.getParameterTypes().toArray(Class<?>[]::new);
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      try {
        Method method = c.getDeclaredMethod(node.getName(), parameterTypes);
        Optional<String> name = RequestParameters.name(method.getParameterAnnotations()[index]);
        if (name.isPresent()) {
          return name;
        }
      } catch (NoSuchMethodException notDeclaredHere) {
        // keep looking in the superclass
      }
    }
    return Optional.empty();
  }

  private ViolationProblems() {}
}
