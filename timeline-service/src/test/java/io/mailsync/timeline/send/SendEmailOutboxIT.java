package io.mailsync.timeline.send;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.mailsync.contracts.EventJson;
import io.mailsync.contracts.Topics;
import io.mailsync.contracts.kafka.CloudEventMetadata;
import io.mailsync.contracts.send.SendEmail;
import io.mailsync.testkit.auth.JwtResource;
import io.mailsync.testkit.auth.TestJwt;
import io.mailsync.testkit.cdc.CdcProcess;
import io.mailsync.testkit.cdc.CdcResource;
import io.mailsync.testkit.cdc.InjectCdc;
import io.mailsync.testkit.kafka.KafkaResource;
import io.mailsync.testkit.kafka.TestTopics;
import io.mailsync.testkit.postgres.PostgresResource;
import io.mailsync.testkit.postgres.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The send path as deployed: the REST call commits the command to the outbox, and the cdc process
 * (a child process here, with its own replication slot) publishes it.
 */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(JwtResource.class)
@WithTestResource(CdcResource.class)
class SendEmailOutboxIT {

  private static final Map<String, Object> REQUEST =
      Map.of(
          "mailboxId", "mailbox-a",
          "to", List.of(Map.of("address", "bob@customer.test", "name", "Bob")),
          "subject", "Quote",
          "text", "Here it is");

  @InjectCdc CdcProcess cdc;

  private String tenant;

  @BeforeEach
  void newTenant() {
    tenant = "tenant-" + UUID.randomUUID();
  }

  @Test
  void aRetryWithTheSameKeyAndRequestIsAnsweredAsTheFirstTimeAndQueuedOnce() throws Exception {
    String id = queue("quote-1").body("status", equalTo("QUEUED")).extract().path("id");
    queue("quote-1").body("id", equalTo(id)).body("status", equalTo("QUEUED"));

    // Only the first request committed a command; the retry was answered from the key's record.
    ConsumerRecord<String, byte[]> record = published(id, 1, Duration.ofSeconds(3)).get(0);
    assertThat(TestTopics.header(record, "ce_type")).isEqualTo("io.mailsync.email.send.v1");
    assertThat(TestTopics.header(record, "tenant_id")).isEqualTo(tenant);
    assertThat(record.key()).isEqualTo(tenant + "/mailbox-a");
    assertThat(new String(record.value(), StandardCharsets.UTF_8))
        .contains("\"id\":\"" + id + "\"")
        .contains("\"requestedBy\":\"user-1\"")
        .contains("bob@customer.test");
    // inserted and deleted in one transaction: the WAL has the row, the table stays empty
    assertThat(outboxRows()).isZero();
  }

  @Test
  void theSameKeyWithAnotherRequestIsRefusedAndQueuesNothing() throws Exception {
    String id = queue("quote-2").extract().path("id");
    Map<String, Object> changed = new HashMap<>(REQUEST);
    changed.put("subject", "Quote, corrected");

    post("quote-2", changed)
        .statusCode(422)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:mailsync:problem:idempotency-key-reused"))
        .body("field", equalTo("Idempotency-Key"));

    assertThat(published(id, 1, Duration.ofSeconds(3)).get(0).value())
        .asString(StandardCharsets.UTF_8)
        .contains("\"subject\":\"Quote\"");
    // Another user's key of the same name is theirs: a command of its own.
    String othersId = post("quote-2", changed, "user-2").statusCode(202).extract().path("id");
    assertThat(othersId).isNotEqualTo(id);
  }

  @Test
  void concurrentRetriesWithOneKeyQueueOneCommand() throws Exception {
    List<CompletableFuture<String>> posts = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      posts.add(CompletableFuture.supplyAsync(() -> queue("quote-3").extract().path("id")));
    }
    List<String> ids = new ArrayList<>();
    for (CompletableFuture<String> post : posts) {
      ids.add(post.get(60, TimeUnit.SECONDS));
    }

    assertThat(ids).containsOnly(ids.get(0));
    published(ids.get(0), 1, Duration.ofSeconds(3));
  }

  @Test
  void aCommandCommittedWhileCdcCannotPublishArrivesOnceWhenCdcIsBack() throws Exception {
    // Frozen, cdc holds its replication connection but reads and publishes nothing; killed then,
    // it has acknowledged nothing of what was committed in the meantime.
    cdc.pause();
    String id = queue(null).extract().path("id");
    cdc.kill();
    assertThat(commandsWithId(id)).isEmpty();

    cdc.start();

    ConsumerRecord<String, byte[]> record = published(id, 1, Duration.ofSeconds(3)).get(0);
    SendEmail command = EventJson.mapper().readValue(record.value(), SendEmail.class);
    assertThat(command.id()).isEqualTo(id);
    assertThat(command.tenantId()).isEqualTo(tenant);
    // Stamped by the services' one clock, at the database's precision.
    assertThat(command.occurredAt()).isEqualTo(command.occurredAt().truncatedTo(ChronoUnit.MICROS));
    assertThat(record.key()).isEqualTo(command.key());
    List<String> expectedHeaders = new ArrayList<>();
    CloudEventMetadata.headerValues(command, SendCommandOutbox.SOURCE)
        .forEach((name, value) -> expectedHeaders.add(name + "=" + value));
    assertThat(headers(record)).containsExactlyElementsOf(expectedHeaders);
  }

  /**
   * The commands with this id once {@code expected} have arrived and {@code settle} has passed, so
   * that one more would be seen: exactly {@code expected}.
   */
  private static List<ConsumerRecord<String, byte[]>> published(
      String id, int expected, Duration settle) {
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> commandsWithId(id).size() >= expected);
    // No further copy during the settle time.
    await()
        .during(settle)
        .atMost(settle.plusSeconds(30))
        .until(() -> commandsWithId(id).size() == expected);
    return commandsWithId(id);
  }

  /** Every SendEmail with this CloudEvents id that is on the topic now, read to its end. */
  private static List<ConsumerRecord<String, byte[]>> commandsWithId(String id) {
    return TestTopics.readAll(Topics.SEND_COMMANDS).stream()
        .filter(record -> id.equals(TestTopics.header(record, "ce_id")))
        .toList();
  }

  private static List<String> headers(ConsumerRecord<?, ?> record) {
    List<String> result = new ArrayList<>();
    for (Header header : record.headers()) {
      result.add(header.key() + "=" + new String(header.value(), StandardCharsets.UTF_8));
    }
    return result;
  }

  private static long outboxRows() throws Exception {
    try (var c = TestDatabase.of(ConfigProvider.getConfig()).connect();
        var s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM timeline.outbox")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Posts the send request as user-1 of this test's tenant; answered 202. */
  private ValidatableResponse queue(String idempotencyKey) {
    return post(idempotencyKey, REQUEST).statusCode(202);
  }

  private ValidatableResponse post(String idempotencyKey, Map<String, Object> body) {
    return post(idempotencyKey, body, "user-1");
  }

  private ValidatableResponse post(String idempotencyKey, Map<String, Object> body, String user) {
    RequestSpecification request =
        given().auth().oauth2(TestJwt.token(tenant, user)).contentType(ContentType.JSON);
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    return request.body(body).post("/api/v1/emails").then().log().ifValidationFails();
  }
}
