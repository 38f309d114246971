package io.mailsync.timeline.directory;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import io.mailsync.mail.address.EmailAddressSyntax;
import io.mailsync.mail.address.FreeMailDomains;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A company domain that is not a free-mail domain, which would tie every mail from that provider to
 * the company: by the configured list the linker matches with too ({@link FreeMailDomains}). What
 * is not a domain name at all is left to {@code @MailDomain}.
 */
@Documented
@Target({FIELD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
@Constraint(validatedBy = NotFreeMailDomain.Check.class)
public @interface NotFreeMailDomain {

  String message() default "is a free-mail domain and cannot identify a company";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** A bean, so that Quarkus gives it the configured free-mail list. */
  @ApplicationScoped
  class Check implements ConstraintValidator<NotFreeMailDomain, String> {

    private final FreeMailDomains freeMail;

    public Check(FreeMailDomains freeMail) {
      this.freeMail = freeMail;
    }

    @Override
    public boolean isValid(String domain, ConstraintValidatorContext context) {
      String normalized = EmailAddressSyntax.normalizeDomain(domain).orElse(null);
      if (normalized == null || !freeMail.contains(normalized)) {
        return true;
      }
      // A normalised domain holds letters, digits, dots and hyphens only: safe in a template.
      context.disableDefaultConstraintViolation();
      context
          .buildConstraintViolationWithTemplate(
              "is a free-mail domain (" + normalized + ") and cannot identify a company")
          .addConstraintViolation();
      return false;
    }
  }
}
