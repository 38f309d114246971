package io.mailsync.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validation;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class ProblemMappersTest {

  private static final UniqueKey CONTACT_EMAIL =
      new UniqueKey("contact_tenant_id_email_key", "email", "is already the address of a contact");

  private final ProblemMappers mappers = new ProblemMappers(List.of(CONTACT_EMAIL));

  record Recipient(String address) {}

  record SendRequest(String subject, List<Recipient> to) {}

  @Test
  void invalidInputNamesEveryFieldInTheOrderGiven() {
    Response answer =
        mappers.invalidRequest(
            new InvalidRequestException(
                List.of(
                    new FieldProblem("password", "is required"),
                    new FieldProblem("imap.port", "must be between 1 and 65535"))));

    Problem problem = problem(answer, 400);
    assertThat(problem.type()).isEqualTo(Problem.INVALID_REQUEST);
    assertThat(problem.title()).isEqualTo("Invalid request");
    assertThat(problem.field()).isEqualTo("password");
    assertThat(problem.detail())
        .isEqualTo("password is required; imap.port must be between 1 and 65535");
    assertThat(problem.problems())
        .extracting(FieldProblem::field)
        .containsExactly("password", "imap.port");
  }

  @Test
  void aViolatedUniqueKeyOfTheServiceIsAConflictNamingItsInput() {
    Throwable wrapped =
        new CompletionException(
            new IllegalStateException(
                "could not execute statement",
                UniqueViolationTest.duplicate(CONTACT_EMAIL.constraint())));

    Problem problem = problem(mappers.unexpected(wrapped), 409);
    assertThat(problem.type()).isEqualTo(Problem.CONFLICT);
    assertThat(problem.field()).isEqualTo("email");
    assertThat(problem.detail()).isEqualTo("email is already the address of a contact");
    assertThat(problem.problems())
        .containsExactly(new FieldProblem("email", "is already the address of a contact"));
  }

  @Test
  void anyOtherUniqueViolationIsAConflictWithoutInternals() {
    for (SQLException duplicate :
        List.of(
            UniqueViolationTest.duplicate("send_idempotency_key_pkey"),
            new SQLException("duplicate key", UniqueViolation.SQL_STATE))) {
      Throwable wrapped =
          new CompletionException(new IllegalStateException("could not execute batch", duplicate));

      Problem problem = problem(mappers.unexpected(wrapped), 409);
      assertThat(problem.type()).isEqualTo(Problem.CONFLICT);
      assertThat(problem.field()).isNull();
      assertThat(problem.detail()).isEqualTo("the record already exists");
    }
  }

  @Test
  void anIdempotencyKeyReusedWithAnotherRequestIsUnprocessableNamingTheHeader() {
    Problem problem =
        problem(mappers.idempotencyKeyReused(new IdempotencyKeyReusedException()), 422);

    assertThat(problem.type()).isEqualTo(Problem.IDEMPOTENCY_KEY_REUSED);
    assertThat(problem.field()).isEqualTo("Idempotency-Key");
    assertThat(problem.detail()).startsWith("Idempotency-Key was already used for another request");
  }

  @Test
  void anythingElseUnexpectedIsA500WithoutInternals() {
    Problem problem =
        problem(mappers.unexpected(new IllegalStateException("password=hunter2 at db-7")), 500);
    assertThat(problem.type()).isEqualTo(Problem.ABOUT_BLANK);
    assertThat(problem.title()).isEqualTo("Internal Server Error");
    assertThat(problem.detail()).doesNotContain("hunter2").doesNotContain("db-7");
  }

  @Test
  void aParameterTheFrameworkCouldNotConvertIsABadRequestNotANotFound() {
    assertThat(problem(mappers.notFound(new NotFoundException(new NumberFormatException())), 400))
        .extracting(Problem::title)
        .isEqualTo("Bad Request");
    Problem unknown = problem(mappers.notFound(new NotFoundException()), 404);
    assertThat(unknown.type()).isEqualTo(Problem.ABOUT_BLANK);
    assertThat(unknown.title()).isEqualTo("Not Found");
  }

  @Test
  void anUnknownPropertyIsNamedByItsPath() throws Exception {
    ObjectMapper strict =
        new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    MismatchedInputException top =
        catchThrowableOfType(
            MismatchedInputException.class,
            () ->
                strict.readValue(
                    "{\"subject\": \"s\", \"attachments\": [\"a.pdf\"]}", SendRequest.class));
    MismatchedInputException nested =
        catchThrowableOfType(
            MismatchedInputException.class,
            () ->
                strict.readValue(
                    "{\"to\": [{\"address\": \"a@b.test\", \"cc\": true}]}", SendRequest.class));

    assertThat(problem(mappers.unreadableValue(top), 400).field()).isEqualTo("attachments");
    Problem problem = problem(mappers.unreadableValue(nested), 400);
    assertThat(problem.field()).isEqualTo("to[0].cc");
    assertThat(problem.detail()).isEqualTo("to[0].cc is not a property of this request");
  }

  @Test
  void aWrongTypeNamesTheFieldAndTheExpectedType() {
    MismatchedInputException wrong =
        catchThrowableOfType(
            MismatchedInputException.class,
            () -> new ObjectMapper().readValue("{\"to\": {\"a\": 1}}", SendRequest.class));

    Problem problem = problem(mappers.unreadableValue(wrong), 400);
    assertThat(problem.field()).isEqualTo("to");
    assertThat(problem.detail()).contains("expected an array");
  }

  @Test
  void unparsableJsonIsABadBody() {
    var unparsable =
        catchThrowableOfType(
            JsonProcessingException.class,
            () -> new ObjectMapper().readValue("{\"subject\": ", SendRequest.class));

    assertThat(problem(mappers.unreadableJson(unparsable), 400).field()).isEqualTo("body");
  }

  @Test
  void aRefusedTokenKeepsItsChallengeAndItsReason() {
    Response answer =
        mappers.webApplication(new NotAuthorizedException("the token names no tenant", "Bearer"));

    assertThat(problem(answer, 401).detail()).isEqualTo("the token names no tenant");
    assertThat(answer.getHeaderString(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo("Bearer");
  }

  @Test
  void aFailedAuthenticationChallengesForABearerToken() {
    Response answer = mappers.unauthenticated(new AuthenticationFailedException("expired"));

    assertThat(problem(answer, 401).detail()).doesNotContain("expired");
    assertThat(answer.getHeaderString(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo("Bearer");
  }

  @Test
  void aWebApplicationExceptionThatIsNoErrorIsLeftAsItIs() {
    Response redirect = Response.seeOther(URI.create("/elsewhere")).build();

    assertThat(mappers.webApplication(new WebApplicationException(redirect))).isSameAs(redirect);
  }

  @Test
  void aForbiddenCallIsA403() {
    Problem problem = problem(mappers.forbidden(new ForbiddenException("role admin needed")), 403);
    assertThat(problem.title()).isEqualTo("Forbidden");
  }

  @Test
  void aViolatedReturnValueIsTheServersFault() throws Exception {
    try (var validation = Validation.buildDefaultValidatorFactory()) {
      var violations =
          validation
              .getValidator()
              .forExecutables()
              .validateReturnValue(new Endpoint(), Endpoint.class.getMethod("name"), null);

      problem(mappers.constraintViolation(new ConstraintViolationException(violations)), 500);
    }
  }

  public static class Endpoint {
    @NotNull public String name() {
      return null;
    }
  }

  static Problem problem(Response answer, int status) {
    assertThat(answer.getStatus()).isEqualTo(status);
    assertThat(answer.getMediaType()).hasToString(Problem.MEDIA_TYPE);
    assertThat(answer.getEntity()).isInstanceOf(Problem.class);
    Problem problem = (Problem) answer.getEntity();
    assertThat(problem.status()).isEqualTo(status);
    assertThat(problem.title()).isNotBlank();
    assertThat(problem.detail()).isNotBlank();
    return problem;
  }
}
