package io.mailsync.sender;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SenderServiceHealthTest {

  @Test
  void startsAndReportsHealthy() {
    given().when().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
  }

  @Test
  void servesMetricsAndOpenApi() {
    given().when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_"));
    given().when().get("/q/openapi").then().statusCode(200).body(containsString("sender-service"));
  }
}
