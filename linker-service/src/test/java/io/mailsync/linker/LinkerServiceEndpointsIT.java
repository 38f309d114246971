package io.mailsync.linker;

import static io.restassured.RestAssured.given;

import io.mailsync.testkit.quarkus.ServiceEndpointsContract;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;

@QuarkusTest
@WithTestResource(LinkerKafkaResource.class)
class LinkerServiceEndpointsIT extends ServiceEndpointsContract {

  @Override
  protected String applicationName() {
    return "linker-service";
  }

  /** The service is healthy once its stream has joined the group, which takes a moment. */
  @BeforeEach
  void awaitStreamRunning() {
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> given().when().get("/q/health").statusCode() == 200);
  }
}
