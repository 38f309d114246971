package io.mailsync.testkit.quarkus;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.mailsync.testkit.auth.TestJwt;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The error answers every Mailsync REST service gives, whatever its endpoints: problem details for
 * unknown paths, wrong methods and media types, and every way a bearer token can be unusable. A
 * service's {@code @QuarkusTest} (with {@code JwtResource}) extends this and names one of its
 * endpoints.
 */
public abstract class ProblemDetailsContract {

  /** An endpoint that answers GET with 200 to any valid token, e.g. {@code /api/v1/mailboxes}. */
  protected abstract String protectedGetPath();

  /** An endpoint that takes a JSON body by POST. */
  protected abstract String jsonPostPath();

  private final String tenant = "tenant-" + UUID.randomUUID();

  @Test
  void unknownPathsAreNotFoundProblems() {
    given().get("/no-such-page").then().spec(Problems.problem(404));
    given()
        .auth()
        .oauth2(TestJwt.token(tenant, "user-1"))
        .get("/api/v1/no-such-resource")
        .then()
        .spec(Problems.problem(404))
        .body("type", equalTo("about:blank"))
        .body("title", equalTo("Not Found"));
  }

  @Test
  void missingOrUnusableTokensAreUnauthorizedProblems() {
    unauthorized(null);
    unauthorized(TestJwt.expiredToken(tenant, "user-1"));
    unauthorized(TestJwt.foreignToken(tenant, "user-1"));
    unauthorized("not-a-jwt");
  }

  @Test
  void tokensWithoutUserOrTenantAreRefused() {
    unauthorized(TestJwt.tokenWithoutSubject(tenant));
    unauthorized(TestJwt.tokenWithoutTenant("user-1"));
  }

  @Test
  void aWrongMethodIsAMethodNotAllowedProblem() {
    given()
        .auth()
        .oauth2(TestJwt.token(tenant, "user-1"))
        .delete(protectedGetPath())
        .then()
        .spec(Problems.problem(405));
  }

  @Test
  void aBodyThatIsNotJsonIsAnUnsupportedMediaTypeProblem() {
    given()
        .auth()
        .oauth2(TestJwt.token(tenant, "user-1"))
        .contentType("text/plain")
        .body("hello")
        .post(jsonPostPath())
        .then()
        .spec(Problems.problem(415));
  }

  private void unauthorized(String token) {
    var request = token == null ? given() : given().auth().oauth2(token);
    request
        .get(protectedGetPath())
        .then()
        .spec(Problems.problem(401))
        .header("WWW-Authenticate", containsString("Bearer"));
  }
}
