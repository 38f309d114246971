package io.mailsync.mail.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import io.mailsync.mail.address.MessageIdSyntax;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * One Message-ID the sender can write into In-Reply-To or References ({@link MessageIdSyntax}):
 * refused with the request, not as a failed send later. A missing or blank value is valid (no
 * threading).
 */
@Documented
@Target({FIELD, METHOD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
@Constraint(validatedBy = MessageId.Check.class)
public @interface MessageId {

  String message() default
      "is not a Message-ID (printable characters without spaces, e.g. <id@host>)";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Check implements ConstraintValidator<MessageId, String> {

    @Override
    public boolean isValid(String id, ConstraintValidatorContext context) {
      return id == null || id.isBlank() || MessageIdSyntax.normalize(id).isPresent();
    }
  }
}
