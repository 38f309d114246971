package io.mailsync.fetcher.mailbox;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import io.mailsync.fetcher.mailbox.MailboxRequest.ServerSettings;
import io.mailsync.mail.host.MailHostPolicy;
import io.mailsync.mail.validation.MessageText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.Optional;

/**
 * A mail server the shared {@link MailHostPolicy} lets the services connect to: a bare host name or
 * IP address that is not internal (resolving the name), on an allowed port. Each problem is
 * reported on {@code host} or {@code port} in the policy's own words; a missing host or port is
 * left to {@code @NotBlank}/{@code @NotNull}.
 */
@Documented
@Target(TYPE)
@Retention(RUNTIME)
@Constraint(validatedBy = AllowedMailServer.Check.class)
public @interface AllowedMailServer {

  String message() default "is not a mail server allowed here";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** A bean, so that Quarkus gives it the configured policy. */
  @ApplicationScoped
  class Check implements ConstraintValidator<AllowedMailServer, ServerSettings> {

    private final MailHostPolicy policy;

    public Check(MailHostPolicy policy) {
      this.policy = policy;
    }

    @Override
    public boolean isValid(ServerSettings server, ConstraintValidatorContext context) {
      if (server == null) {
        return true;
      }
      Optional<String> hostProblem =
          server.host() == null || server.host().isBlank()
              ? Optional.empty()
              : policy.hostProblem(server.host());
      Optional<String> portProblem =
          server.port() == null ? Optional.empty() : policy.portProblem(server.port());
      if (hostProblem.isEmpty() && portProblem.isEmpty()) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      hostProblem.ifPresent(problem -> report(context, "host", problem));
      portProblem.ifPresent(problem -> report(context, "port", problem));
      return false;
    }

    private static void report(ConstraintValidatorContext context, String field, String problem) {
      context
          .buildConstraintViolationWithTemplate(MessageText.literal(problem))
          .addPropertyNode(field)
          .addConstraintViolation();
    }
  }
}
