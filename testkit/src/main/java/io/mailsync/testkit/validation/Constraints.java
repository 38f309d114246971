package io.mailsync.testkit.validation;

import io.mailsync.rest.ViolationProblems;
import jakarta.validation.Configuration;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorFactory;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.List;
import java.util.function.Supplier;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Bean Validation for unit tests of constraints, as Quarkus runs it (messages interpolated without
 * an expression language), and its violations as the REST layer words them in a problem's fields.
 */
public final class Constraints {

  /** A validator with the provider's own constraint validators. */
  public static Validator validator() {
    return configuration().buildValidatorFactory().getValidator();
  }

  /**
   * A validator whose {@code type} validators come from {@code instance}, as Quarkus injects the
   * beans a constraint validator needs (a host policy, a free-mail list).
   */
  public static <V extends ConstraintValidator<?, ?>> Validator validator(
      Class<V> type, Supplier<? extends V> instance) {
    Configuration<?> configuration = configuration();
    ConstraintValidatorFactory defaults = configuration.getDefaultConstraintValidatorFactory();
    ConstraintValidatorFactory withInstance =
        new ConstraintValidatorFactory() {
          @Override
          public <T extends ConstraintValidator<?, ?>> T getInstance(Class<T> key) {
            return key == type ? key.cast(instance.get()) : defaults.getInstance(key);
          }

          @Override
          public void releaseInstance(ConstraintValidator<?, ?> validator) {
            defaults.releaseInstance(validator);
          }
        };
    return configuration
        .constraintValidatorFactory(withInstance)
        .buildValidatorFactory()
        .getValidator();
  }

  /** Each violation of {@code bean} as {@code "<field> <message>"}, sorted by field, then text. */
  public static List<String> problems(Validator validator, Object bean) {
    return validator.validate(bean).stream()
        .map(v -> ViolationProblems.field(v) + " " + v.getMessage())
        .sorted()
        .toList();
  }

  /** The fields of {@code bean}'s violations, sorted. */
  public static List<String> fields(Validator validator, Object bean) {
    return validator.validate(bean).stream().map(ViolationProblems::field).sorted().toList();
  }

  private static Configuration<?> configuration() {
    return Validation.byDefaultProvider()
        .configure()
        .messageInterpolator(new ParameterMessageInterpolator());
  }

  private Constraints() {}
}
