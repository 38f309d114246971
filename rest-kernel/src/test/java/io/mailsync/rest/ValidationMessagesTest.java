package io.mailsync.rest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The built-in constraints speak in the services' words, whichever interpolator reads them. */
class ValidationMessagesTest {

  record Request(
      @NotBlank String name,
      @NotEmpty String password,
      @NotNull Integer port,
      @NotEmpty @Size(max = 2) List<String> to,
      @Size(max = 3) String subject,
      @Min(1) @Max(200) Integer limit) {}

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void requiredValuesAreRequiredAndLimitsNameTheirBound(boolean expressions) {
    try (ValidatorFactory factory = factory(expressions)) {
      Validator validator = factory.getValidator();

      assertThat(problems(validator, new Request(" ", "", null, List.of(), "abcd", 0)))
          .containsExactly(
              "limit must be at least 1",
              "name is required",
              "password is required",
              "port is required",
              "subject must be at most 3 characters or items",
              "to is required");
      assertThat(problems(validator, new Request("n", "p", 1, List.of("a", "b", "c"), "", 201)))
          .containsExactly("limit must be at most 200", "to must be at most 2 characters or items");
    }
  }

  /** Hibernate Validator's default interpolator (as Quarkus runs it), or the one without EL. */
  private static ValidatorFactory factory(boolean expressions) {
    return expressions
        ? Validation.buildDefaultValidatorFactory()
        : Validation.byDefaultProvider()
            .configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory();
  }

  private static List<String> problems(Validator validator, Request request) {
    return validator.validate(request).stream()
        .map(v -> v.getPropertyPath() + " " + v.getMessage())
        .sorted()
        .toList();
  }
}
