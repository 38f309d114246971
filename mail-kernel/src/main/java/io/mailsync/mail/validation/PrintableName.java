package io.mailsync.mail.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.Optional;

/**
 * A name that goes to a mail server or into a mail header as written (a login, a folder, a
 * recipient's display name): at most {@link #max()} characters and no {@link ControlCharacters},
 * and not blank unless {@link #blankAllowed()}. One problem per name: a blank name is only told
 * what {@code @NotBlank} tells it, in that constraint's words. Null (not given) is valid.
 */
@Documented
@Target({FIELD, METHOD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
@Constraint(validatedBy = PrintableName.Check.class)
public @interface PrintableName {

  /** The message template of a blank name: {@code @NotBlank}'s, whatever wording it is given. */
  String BLANK = "{jakarta.validation.constraints.NotBlank.message}";

  String message() default "is not a usable name";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  int max();

  /** Whether a blank value stands for "not given" rather than for a name. */
  boolean blankAllowed() default false;

  class Check implements ConstraintValidator<PrintableName, String> {

    /**
     * What is wrong with a (non-null) name, as a message template worded to follow the field's
     * name.
     */
    public static Optional<String> problem(String name, int max, boolean blankAllowed) {
      if (!blankAllowed && name.isBlank()) {
        return Optional.of(BLANK);
      }
      if (name.length() > max || ControlCharacters.containsAny(name)) {
        return Optional.of("must be at most " + max + " characters, without control characters");
      }
      return Optional.empty();
    }

    private int max;
    private boolean blankAllowed;

    @Override
    public void initialize(PrintableName constraint) {
      this.max = constraint.max();
      this.blankAllowed = constraint.blankAllowed();
    }

    @Override
    public boolean isValid(String name, ConstraintValidatorContext context) {
      Optional<String> problem = name == null ? Optional.empty() : problem(name, max, blankAllowed);
      problem.ifPresent(
          text -> {
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(text).addConstraintViolation();
          });
      return problem.isEmpty();
    }
  }
}
