package io.mailsync.timeline.send;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import io.mailsync.timeline.send.EmailResource.SendRequest;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/** A mail needs a body: a text or an HTML one (or both). Reported on {@code text}. */
@Documented
@Target(TYPE)
@Retention(RUNTIME)
@Constraint(validatedBy = TextOrHtml.Check.class)
public @interface TextOrHtml {

  String message() default "is required unless html is given";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Check implements ConstraintValidator<TextOrHtml, SendRequest> {

    @Override
    public boolean isValid(SendRequest request, ConstraintValidatorContext context) {
      if (request == null || !blank(request.text()) || !blank(request.html())) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      context
          .buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
          .addPropertyNode("text")
          .addConstraintViolation();
      return false;
    }

    private static boolean blank(String value) {
      return value == null || value.isBlank();
    }
  }
}
