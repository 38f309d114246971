package io.mailsync.fetcher.mailbox;

import static io.mailsync.fetcher.MailboxApi.PASSWORD;
import static io.mailsync.fetcher.MailboxApi.get;
import static io.mailsync.fetcher.MailboxApi.post;
import static io.mailsync.fetcher.MailboxApi.register;
import static io.mailsync.fetcher.MailboxApi.request;
import static io.mailsync.fetcher.MailboxApi.server;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.mailsync.contracts.Keys;
import io.mailsync.contracts.Topics;
import io.mailsync.contracts.kafka.CloudEventMetadata;
import io.mailsync.contracts.mailbox.CredentialSeal;
import io.mailsync.contracts.mailbox.MailServer;
import io.mailsync.contracts.mailbox.MailboxConfigured;
import io.mailsync.fetcher.credentials.CredentialSeals;
import io.mailsync.mail.credentials.KeyRing;
import io.mailsync.mail.credentials.TransportCredentials;
import io.mailsync.mail.host.MailHostPolicy;
import io.mailsync.testkit.auth.JwtResource;
import io.mailsync.testkit.auth.TestJwt;
import io.mailsync.testkit.cdc.CdcResource;
import io.mailsync.testkit.kafka.KafkaResource;
import io.mailsync.testkit.kafka.TestTopics;
import io.mailsync.testkit.postgres.PostgresResource;
import io.mailsync.testkit.quarkus.Problems;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The mailbox REST API against real PostgreSQL, Kafka and JWT verification. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(JwtResource.class)
@WithTestResource(CdcResource.class)
class MailboxApiIT {

  @Inject MailboxStore store;
  @Inject CredentialSeals seals;
  @Inject KeyRotationSweep sweep;
  @Inject DataSource dataSource;

  @ConfigProperty(name = "mailsync.credentials.sealing-key")
  String transportKey;

  @ConfigProperty(name = "mailsync.credentials.sealing-key-id")
  String transportKeyId;

  private final String tenant = "tenant-" + UUID.randomUUID();
  private final String token = TestJwt.token(tenant, "user-1");

  @Test
  void aMailboxAnnouncedUnderAnotherTransportKeyIsAnnouncedAgainByTheStartUpSweep() {
    String id = register(token, request("rotated@crm.test"));
    String key = Keys.mailbox(tenant, id);
    String firstId = TestTopics.header(announced(key), "ce_id");
    assertThat(outboxRows()).isZero(); // inserted and deleted in the registration's transaction
    // As if the key before the current one had sealed the announcement.
    store.markAnnounced(UUID.fromString(id), "transport0");

    sweep.sweep();

    List<ConsumerRecord<String, byte[]>> both =
        TestTopics.await(Topics.MAILBOXES, r -> key.equals(r.key()), 2);
    ConsumerRecord<String, byte[]> again = both.getLast();
    // Sealed with the same key as the first, it is the same event; under another key it is not.
    assertThat(TestTopics.header(again, "ce_id")).isEqualTo(firstId);
    assertThat(MailboxAnnouncer.eventId(UUID.fromString(id), 1, "transport0"))
        .isNotEqualTo(firstId);
    MailboxConfigured event = TestTopics.value(again, MailboxConfigured.class);
    assertThat(event.credentials().keyId()).isEqualTo(transportKeyId);
    assertThat(store.find(UUID.fromString(id)).orElseThrow().announcedTransportKeyId)
        .isEqualTo(transportKeyId);
    // Current now: a second sweep leaves it alone.
    assertThat(
            store
                .sealedWithOtherKeys(transportKeyId, seals.atRestKeyId(), null, Integer.MAX_VALUE)
                .stream()
                .map(m -> m.id.toString()))
        .doesNotContain(id);
  }

  private long outboxRows() {
    try (Connection c = dataSource.getConnection();
        Statement statement = c.createStatement();
        ResultSet rows = statement.executeQuery("SELECT count(*) FROM fetcher.outbox")) {
      rows.next();
      return rows.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void registersTheAccountAndAnnouncesItWithSealedCredentials() throws Exception {
    String body =
        given()
            .auth()
            .oauth2(token)
            .contentType(ContentType.JSON)
            .body(request("alice@crm.test"))
            .when()
            .post("/api/v1/mailboxes")
            .then()
            .statusCode(201)
            .header("Location", containsString("/api/v1/mailboxes/"))
            .body("emailAddress", equalTo("alice@crm.test"))
            .body("username", equalTo("alice@crm.test"))
            .body("imap.host", equalTo("127.0.0.1"))
            .body("imap.port", equalTo(993))
            .body("imap.security", equalTo("SSL"))
            .body("imap.trustAnyCertificate", equalTo(false))
            .body("smtp.port", equalTo(587))
            .body("smtp.security", equalTo("STARTTLS"))
            .body("folders", equalTo(List.of()))
            .body("state", equalTo("ACTIVE"))
            .body("sync.status", equalTo("PENDING"))
            .body("sync.error", nullValue())
            .extract()
            .asString();
    assertThat(body).doesNotContain(PASSWORD).doesNotContainIgnoringCase("password");
    String id = JsonPath.from(body).getString("id");

    Mailbox row = store.findForOwner(tenant, "user-1", UUID.fromString(id)).orElseThrow();
    assertThat(row.passwordCiphertext).doesNotContain(PASSWORD);
    assertThat(seals.openAtRest(row.sealedPassword(), tenant, id)).isEqualTo(PASSWORD);

    ConsumerRecord<String, byte[]> record = announced(Keys.mailbox(tenant, id));
    assertThat(new String(record.value(), StandardCharsets.UTF_8)).doesNotContain(PASSWORD);
    assertThat(TestTopics.header(record, "ce_type")).isEqualTo("io.mailsync.mailbox.configured.v1");
    assertThat(TestTopics.header(record, CloudEventMetadata.TENANT_HEADER)).isEqualTo(tenant);
    MailboxConfigured event = TestTopics.value(record, MailboxConfigured.class);
    assertThat(event.mailboxId()).isEqualTo(id);
    assertThat(event.ownerUserId()).isEqualTo("user-1");
    assertThat(event.imap())
        .isEqualTo(new MailServer("127.0.0.1", 993, MailServer.Security.SSL, false));
    assertThat(event.state()).isEqualTo(MailboxConfigured.State.ACTIVE);
    assertThat(event.credentials().keyId()).isEqualTo(transportKeyId);
    TransportCredentials transport =
        new TransportCredentials(
            KeyRing.of(CredentialSeal.fromBase64(transportKeyId, transportKey)));
    var binding =
        new TransportCredentials.Binding(tenant, id, event.username(), event.imap(), event.smtp());
    assertThat(transport.open(event.credentials(), binding)).isEqualTo(PASSWORD);
    // bound to the mailbox and to its servers: moved elsewhere, the record does not open
    var otherMailbox =
        new TransportCredentials.Binding(
            tenant, "another-mailbox", event.username(), event.imap(), event.smtp());
    var otherServer =
        new TransportCredentials.Binding(
            tenant,
            id,
            event.username(),
            new MailServer("imap.attacker.test", 993, MailServer.Security.SSL, false),
            event.smtp());
    assertThatThrownBy(() -> transport.open(event.credentials(), otherMailbox))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> transport.open(event.credentials(), otherServer))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(event.credentials().ciphertext()).isNotEqualTo(row.passwordCiphertext);

    get("/api/v1/mailboxes/" + id, token)
        .statusCode(200)
        .body("id", equalTo(id))
        .body("sync.status", notNullValue())
        .body(not(containsString(PASSWORD)));
    get("/api/v1/mailboxes", token).statusCode(200).body("id", hasItem(id));
  }

  @Test
  void anotherTenantsMailboxIsNotFound() {
    String id = register(token, request("bob@crm.test"));
    String otherToken = TestJwt.token("tenant-" + UUID.randomUUID(), "user-2");

    get("/api/v1/mailboxes/" + id, otherToken).spec(Problems.problem(404));
    get("/api/v1/mailboxes", otherToken).statusCode(200).body("id", not(hasItem(id)));
    get("/api/v1/mailboxes/" + UUID.randomUUID(), token).spec(Problems.problem(404));
  }

  @Test
  void anIdThatIsNotAUuidIsABadRequestNamingIt() {
    get("/api/v1/mailboxes/not-a-uuid", token)
        .spec(Problems.invalid("id"))
        .body("detail", equalTo("id must be a UUID"));
  }

  @Test
  void aColleaguesMailboxIsNotFound() {
    String mine = register(token, request("frank@crm.test"));
    String colleagueToken = TestJwt.token(tenant, "user-2");
    String theirs = register(colleagueToken, request("grace@crm.test"));

    get("/api/v1/mailboxes/" + mine, colleagueToken).statusCode(404);
    get("/api/v1/mailboxes", colleagueToken).statusCode(200).body("id", equalTo(List.of(theirs)));
    get("/api/v1/mailboxes/" + theirs, token).statusCode(404);
    get("/api/v1/mailboxes", token).statusCode(200).body("id", hasItem(mine));
    get("/api/v1/mailboxes", token).body("id", not(hasItem(theirs)));
  }

  @Test
  void refusesCallersWithoutAValidToken() {
    given().when().get("/api/v1/mailboxes").then().statusCode(401);
    get("/api/v1/mailboxes", TestJwt.expiredToken(tenant, "user-1")).statusCode(401);
    get("/api/v1/mailboxes", TestJwt.foreignToken(tenant, "user-1")).statusCode(401);
    given()
        .contentType(ContentType.JSON)
        .body(request("nobody@crm.test"))
        .when()
        .post("/api/v1/mailboxes")
        .then()
        .statusCode(401);
  }

  @Test
  void badBodiesAnswer400NamingTheField() {
    Map<String, Object> missing = request("carol@crm.test");
    missing.remove("password");
    badRequest(missing, "password");

    Map<String, Object> noImap = request("carol@crm.test");
    noImap.remove("imap");
    badRequest(noImap, "imap");

    Map<String, Object> url = request("carol@crm.test");
    url.put("imap", server("imaps://imap.example.com", 993, "SSL"));
    badRequest(url, "imap.host");

    Map<String, Object> port = request("carol@crm.test");
    port.put("smtp", server("127.0.0.1", 70000, "SSL"));
    badRequest(port, "smtp.port");

    Map<String, Object> notAMailPort = request("carol@crm.test");
    notAMailPort.put("imap", server("127.0.0.1", 22, "SSL"));
    badRequest(notAMailPort, "imap.port")
        .body("detail", startsWith("imap.port is not a mail server port allowed here ("));

    Map<String, Object> notAHost = request("carol@crm.test");
    notAHost.put("smtp", server("${smtp.example.com}", 587, "STARTTLS"));
    badRequest(notAHost, "smtp.host")
        .body(
            "detail",
            equalTo(
                "smtp.host " + MailHostPolicy.shapeProblem("${smtp.example.com}").orElseThrow()));

    Map<String, Object> email = request("not an address");
    badRequest(email, "emailAddress");

    // Bean Validation's own constraints and the shared ones word a blank value alike.
    badRequest(request(" "), "emailAddress").body("detail", equalTo("emailAddress is required"));

    Map<String, Object> longPassword = request("carol@crm.test");
    longPassword.put("password", "x".repeat(1025));
    badRequest(longPassword, "password")
        .body("detail", equalTo("password must be at most 1024 characters or items"));

    Map<String, Object> blankSent = request("carol@crm.test");
    blankSent.put("sentFolder", "\n");
    badRequest(blankSent, "sentFolder").body("detail", equalTo("sentFolder is required"));

    Map<String, Object> wrongType = request("carol@crm.test");
    Map<String, Object> imap = server("127.0.0.1", 993, "SSL");
    imap.put("port", "nine-nine-three");
    wrongType.put("imap", imap);
    badRequest(wrongType, "imap.port");

    Map<String, Object> unknownSecurity = request("carol@crm.test");
    unknownSecurity.put("imap", server("127.0.0.1", 993, "TLS1.3"));
    badRequest(unknownSecurity, "imap.security");

    Map<String, Object> folders = request("carol@crm.test");
    folders.put("folders", "INBOX");
    badRequest(folders, "folders");

    Map<String, Object> repeated = request("carol@crm.test");
    repeated.put("folders", List.of("INBOX", "INBOX"));
    badRequest(repeated, "folders[1]").body("detail", equalTo("folders[1] repeats folder INBOX"));

    Map<String, Object> manyProblems = request("carol@crm.test");
    manyProblems.remove("emailAddress");
    manyProblems.put("imap", server("127.0.0.1", 0, "SSL"));
    badRequest(manyProblems, "emailAddress")
        .body("problems.field", equalTo(List.of("emailAddress", "imap.port")));

    badRequest("{\"emailAddress\": \"carol@crm.test\", ", "body");
    badRequest("", "body");
    badRequest("null", "body");

    Map<String, Object> unknown = request("carol@crm.test");
    unknown.put("signature", "Best, Carol");
    badRequest(unknown, "signature");

    Map<String, Object> unknownNested = request("carol@crm.test");
    Map<String, Object> smtp = server("127.0.0.1", 587, "STARTTLS");
    smtp.put("authMethod", "PLAIN");
    unknownNested.put("smtp", smtp);
    badRequest(unknownNested, "smtp.authMethod");
    get("/api/v1/mailboxes", token)
        .statusCode(200)
        .body("emailAddress", not(hasItem("carol@crm.test")));
  }

  @Test
  void theAddressIsKeptInTheSharedNormalFormAndTheLoginAsTyped() {
    String id =
        post(token, request(" Erin@Bücher.TEST "))
            .statusCode(201)
            .body("emailAddress", equalTo("erin@xn--bcher-kva.test"))
            .body("username", equalTo("Erin@Bücher.TEST"))
            .extract()
            .path("id");

    Mailbox row = store.findForOwner(tenant, "user-1", UUID.fromString(id)).orElseThrow();
    assertThat(row.emailAddress).isEqualTo("erin@xn--bcher-kva.test");
  }

  @Test
  void aSecondMailboxWithTheSameAddressIsAConflict() {
    register(token, request("dave@crm.test"));

    given()
        .auth()
        .oauth2(token)
        .contentType(ContentType.JSON)
        .body(request("Dave@crm.test"))
        .when()
        .post("/api/v1/mailboxes")
        .then()
        .spec(Problems.conflict("emailAddress"))
        .body("detail", containsString("already registered"));
  }

  private ValidatableResponse badRequest(Object body, String field) {
    return post(token, body).spec(Problems.invalid(field)).body("detail", containsString(field));
  }

  /** The latest MailboxConfigured with this key, once cdc has published it from the outbox. */
  private static ConsumerRecord<String, byte[]> announced(String key) {
    return TestTopics.await(Topics.MAILBOXES, r -> key.equals(r.key()));
  }
}
