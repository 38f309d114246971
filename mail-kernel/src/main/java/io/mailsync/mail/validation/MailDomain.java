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

/**
 * The domain of mail addresses, by the shared syntax ({@link EmailAddressSyntax#normalizeDomain}):
 * at least two labels, internationalized names allowed. Refused quoting the value as given. A
 * missing or blank value is left to {@code @NotBlank}.
 */
@Documented
@Target({FIELD, METHOD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
@Constraint(validatedBy = MailDomain.Check.class)
public @interface MailDomain {

  String message() default "is not a domain name";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Check implements ConstraintValidator<MailDomain, String> {

    @Override
    public boolean isValid(String domain, ConstraintValidatorContext context) {
      if (domain == null
          || domain.isBlank()
          || EmailAddressSyntax.normalizeDomain(domain).isPresent()) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      context
          .buildConstraintViolationWithTemplate(
              MessageText.literal("is not a domain name: " + domain))
          .addConstraintViolation();
      return false;
    }
  }
}
