package io.mailsync.rest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Field names for violations as Hibernate Validator reports them for a resource method. */
class ViolationProblemsTest {

  private static final ValidatorFactory VALIDATION = Validation.buildDefaultValidatorFactory();

  record Recipient(@NotBlank String address) {}

  record SendRequest(
      @NotBlank String mailboxId, @NotNull @Size(min = 1) List<@Valid @NotNull Recipient> to) {}

  public static class EmailResource {
    public void send(
        @Valid @NotNull SendRequest request,
        @HeaderParam("Idempotency-Key") @Size(max = 3) String idempotencyKey) {}
  }

  /** Like the subclass the container generates: overrides without the parameter annotations. */
  public static class InterceptedEmailResource extends EmailResource {
    @Override
    public void send(SendRequest request, String idempotencyKey) {}
  }

  @AfterAll
  static void close() {
    VALIDATION.close();
  }

  @Test
  void bodyFieldsAreNamedByTheirJsonPath() {
    SendRequest request =
        new SendRequest(" ", List.of(new Recipient("a@b.test"), new Recipient("")));

    assertThat(fields(new EmailResource(), request, null))
        .containsExactly("mailboxId", "to[1].address");
  }

  @Test
  void aNullListElementIsNamedByItsIndex() {
    assertThat(
            fields(
                new EmailResource(), new SendRequest("m", Arrays.asList((Recipient) null)), null))
        .containsExactly("to[0]");
  }

  @Test
  void parametersAreNamedAsTheClientSendsThemAndAMissingBodyIsTheBody() {
    assertThat(fields(new InterceptedEmailResource(), null, "too-long"))
        .containsExactly("Idempotency-Key", "body");
  }

  @Test
  void violationsAnswer400WithEveryProblem() {
    Response answer =
        new ProblemMappers(List.of())
            .constraintViolation(
                new ConstraintViolationException(
                    violations(new EmailResource(), new SendRequest("", List.of()), null)));

    Problem problem = ProblemMappersTest.problem(answer, 400);
    assertThat(problem.type()).isEqualTo(Problem.INVALID_REQUEST);
    assertThat(problem.field()).isEqualTo("mailboxId");
    assertThat(problem.problems())
        .extracting(FieldProblem::field)
        .containsExactly("mailboxId", "to");
  }

  private static List<String> fields(EmailResource resource, SendRequest body, String key) {
    return ViolationProblems.of(violations(resource, body, key)).stream()
        .map(FieldProblem::field)
        .toList();
  }

  private static Set<ConstraintViolation<EmailResource>> violations(
      EmailResource resource, SendRequest body, String key) {
    try {
      Method send = resource.getClass().getMethod("send", SendRequest.class, String.class);
      return VALIDATION
          .getValidator()
          .forExecutables()
          .validateParameters(resource, send, new Object[] {body, key});
    } catch (NoSuchMethodException e) {
      throw new AssertionError(e);
    }
  }
}
