package io.mailsync.testkit.quarkus;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

/**
 * What every Mailsync service serves: health, Prometheus metrics and its OpenAPI document. A
 * service's {@code @QuarkusTest} extends this and names its application.
 */
public abstract class ServiceEndpointsContract {

  /** The service's {@code quarkus.application.name}, e.g. {@code linker-service}. */
  protected abstract String applicationName();

  @Test
  void startsAndReportsHealthy() {
    given().when().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
  }

  @Test
  void servesPrometheusMetrics() {
    given().when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_"));
  }

  @Test
  void servesItsOpenApiDocument() {
    given().when().get("/q/openapi").then().statusCode(200).body(containsString(applicationName()));
  }

  /** Errors follow the REST convention (rest-kernel) on every service, REST API or not. */
  @Test
  void answersUnknownPathsWithANotFoundProblem() {
    given().when().get("/no-such-page").then().spec(Problems.problem(404));
  }
}
