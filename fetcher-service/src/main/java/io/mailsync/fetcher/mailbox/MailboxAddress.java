package io.mailsync.fetcher.mailbox;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import io.mailsync.mail.address.EmailAddressSyntax;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * An email address by the shared syntax ({@link EmailAddressSyntax}), the one the sender sends to.
 * A missing or blank value is left to {@code @NotBlank}.
 */
@Documented
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
@Constraint(validatedBy = MailboxAddress.Check.class)
public @interface MailboxAddress {

  String message() default "is not an email address like name@example.com";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Check implements ConstraintValidator<MailboxAddress, String> {

    @Override
    public boolean isValid(String address, ConstraintValidatorContext context) {
      return address == null || address.isBlank() || EmailAddressSyntax.problem(address).isEmpty();
    }
  }
}
