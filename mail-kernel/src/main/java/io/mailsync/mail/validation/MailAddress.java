package io.mailsync.mail.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import io.mailsync.mail.address.EmailAddressSyntax;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.Optional;

/**
 * An email address by the shared syntax ({@link EmailAddressSyntax}), the one the sender sends to
 * and the linker matches: a mailbox's own address, a recipient, a contact. Refused in the syntax's
 * own words ("has an invalid domain after the @"). A missing or blank value is left to
 * {@code @NotBlank}.
 */
@Documented
@Target({FIELD, METHOD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
@Constraint(validatedBy = MailAddress.Check.class)
public @interface MailAddress {

  String message() default "is not an email address";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Check implements ConstraintValidator<MailAddress, String> {

    @Override
    public boolean isValid(String address, ConstraintValidatorContext context) {
      if (address == null || address.isBlank()) {
        return true;
      }
      Optional<String> problem = EmailAddressSyntax.problem(address);
      problem.ifPresent(
          text -> {
            context.disableDefaultConstraintViolation();
            context
                .buildConstraintViolationWithTemplate(MessageText.literal(text))
                .addConstraintViolation();
          });
      return problem.isEmpty();
    }
  }
}
