package io.mailsync.timeline;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mailsync.contracts.MessageIdentity;
import io.mailsync.contracts.MessageKey;
import io.mailsync.contracts.Topics;
import io.mailsync.contracts.link.Link;
import io.mailsync.contracts.link.LinkRule;
import io.mailsync.contracts.link.LinkTarget;
import io.mailsync.contracts.link.MessageLinked;
import io.mailsync.contracts.link.MessageUnmatched;
import io.mailsync.contracts.message.FetchedCopy;
import io.mailsync.contracts.message.MessageBody;
import io.mailsync.contracts.message.MessageFetched;
import io.mailsync.contracts.message.Participant;
import io.mailsync.testkit.auth.JwtResource;
import io.mailsync.testkit.auth.TestJwt;
import io.mailsync.testkit.kafka.DeadLetters;
import io.mailsync.testkit.kafka.DeadLetters.Published;
import io.mailsync.testkit.kafka.KafkaResource;
import io.mailsync.testkit.kafka.TestTopics;
import io.mailsync.testkit.postgres.PostgresResource;
import io.mailsync.testkit.postgres.TestDatabase;
import io.mailsync.testkit.quarkus.Problems;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(JwtResource.class)
class TimelineIT {

  @Inject ObjectMapper objectMapper;

  private String tenant;
  private String companyId;
  private String contactId;

  @BeforeEach
  void directory() {
    tenant = "tenant-" + UUID.randomUUID();
    companyId =
        as(tenant)
            .body(Map.of("name", "Customer Inc", "emailDomains", List.of("Customer.test")))
            .post("/api/v1/companies")
            .then()
            .statusCode(201)
            .body("emailDomains", equalTo(List.of("customer.test")))
            .extract()
            .path("id");
    contactId =
        as(tenant)
            .body(Map.of("email", "Bob@Customer.test", "name", "Bob Buyer", "companyId", companyId))
            .post("/api/v1/contacts")
            .then()
            .statusCode(201)
            .body("email", equalTo("bob@customer.test"))
            .extract()
            .path("id");
  }

  @Test
  void linkedMailShowsNewestFirstWithCursorPagesAndReplaysChangeNothing() {
    Instant base = Instant.parse("2026-11-20T10:00:00Z");
    List<MessageFetched> mails =
        List.of(
            fetched("m1", "mailbox-a", 1, "First", base, "<p>one</p><script>alert(1)</script>"),
            fetched("m2", "mailbox-a", 2, "Second", base.plusSeconds(60), null),
            fetched("m3", "mailbox-a", 3, "Third", base.plusSeconds(120), null));
    for (int replay = 0; replay < 2; replay++) {
      for (MessageFetched mail : mails) {
        TestTopics.publish(mail);
        TestTopics.publish(linked(mail));
      }
    }
    // the same email in a colleague's mailbox: one entry, two copies
    MessageFetched colleagueCopy = fetched("m1", "mailbox-b", 9, "First", base, "<p>one</p>");
    TestTopics.publish(colleagueCopy);
    TestTopics.publish(linked(colleagueCopy));

    await()
        .atMost(TestTopics.WAIT)
        .untilAsserted(
            () ->
                timeline("contacts", contactId, "limit=50")
                    .body("entries", hasSize(3))
                    .body("entries[2].copies", equalTo(2)));
    JsonPath first = timeline("contacts", contactId, "limit=2").extract().jsonPath();
    assertThat(first.getList("entries.subject")).containsExactly("Third", "Second");
    assertThat(first.getString("entries[0].from.address")).isEqualTo("bob@customer.test");
    assertThat(first.getString("entries[0].rule")).isEqualTo("CONTACT_ADDRESS");
    JsonPath second =
        timeline("contacts", contactId, "limit=2&cursor=" + first.getString("nextCursor"))
            .extract()
            .jsonPath();
    assertThat(second.getList("entries.subject")).containsExactly("First");
    assertThat(second.getString("nextCursor")).isNull();
    assertThat(second.getString("entries[0].html")).contains("one").doesNotContain("script");
    timeline("companies", companyId, "limit=50").body("entries", hasSize(3));
  }

  @Test
  void linkArrivingBeforeTheContentShowsOnceTheContentArrives() {
    MessageFetched mail = fetched("early-link", "mailbox-a", 1, "Link first", Instant.now(), null);
    TestTopics.publish(linked(mail));
    TestTopics.publish(mail);

    await()
        .atMost(TestTopics.WAIT)
        .untilAsserted(
            () ->
                timeline("contacts", contactId, "")
                    .body("entries.subject", equalTo(List.of("Link first"))));
  }

  @Test
  void unrelatedMailIsNotStoredWhicheverOrderTheEventsCome() throws Exception {
    MessageFetched before =
        fetched("unrelated-1", "mailbox-a", 1, "Newsletter", Instant.now(), null);
    TestTopics.publish(before);
    TestTopics.publish(unmatched(before));
    MessageFetched after = fetched("unrelated-2", "mailbox-a", 2, "Spam", Instant.now(), null);
    TestTopics.publish(unmatched(after));
    TestTopics.publish(after);
    // a linked message published last proves the earlier events were consumed
    MessageFetched marker = fetched("marker", "mailbox-a", 3, "Marker", Instant.now(), null);
    TestTopics.publish(marker);
    TestTopics.publish(linked(marker));
    await()
        .atMost(TestTopics.WAIT)
        .untilAsserted(() -> timeline("contacts", contactId, "").body("entries", hasSize(1)));

    assertThat(storedMessages(before.messageKey(), after.messageKey())).isZero();
  }

  @Test
  void poisonRecordGoesToTheDeadLetterTopicAndConsumptionGoesOn() {
    Published poison =
        DeadLetters.publish(
            Topics.LINKS,
            tenant + "/poison",
            "{not json".getBytes(StandardCharsets.UTF_8),
            Map.of(
                "ce_id", UUID.randomUUID().toString(), "ce_type", "io.mailsync.message.linked.v1"));
    MessageFetched mail =
        fetched("after-poison", "mailbox-a", 1, "After poison", Instant.now(), null);
    TestTopics.publish(mail);
    TestTopics.publish(linked(mail));

    await()
        .atMost(TestTopics.WAIT)
        .untilAsserted(() -> timeline("contacts", contactId, "").body("entries", hasSize(1)));
    assertThat(DeadLetters.awaitReason(Topics.deadLetter("timeline"), poison, TestTopics.WAIT))
        .contains("not a MessageLinked");
  }

  @Test
  void recordsReadButUnusableAreDeadLetteredAsTheyWereRead() {
    String withoutCopy =
        "{\"id\":\"m-1\", \"tenantId\":\"" + tenant + "\",\"messageKey\":\"" + tenant + "/k\"}";
    Published message =
        DeadLetters.publish(
            Topics.MESSAGES,
            tenant + "/k",
            withoutCopy.getBytes(StandardCharsets.UTF_8),
            Map.of("ce_id", "m-1", "ce_type", "io.mailsync.message.fetched.v1"));
    Published misrouted =
        DeadLetters.publish(
            Topics.LINKS,
            tenant + "/k",
            withoutCopy.getBytes(StandardCharsets.UTF_8),
            Map.of("ce_id", "m-1", "ce_type", "io.mailsync.message.fetched.v1"));

    assertThat(DeadLetters.awaitReason(Topics.deadLetter("timeline"), message, TestTopics.WAIT))
        .isEqualTo("MessageFetched without occurredAt, copy");
    assertThat(DeadLetters.awaitReason(Topics.deadLetter("timeline"), misrouted, TestTopics.WAIT))
        .contains("unexpected ce_type");
  }

  @Test
  void tenantsNeverSeeEachOther() {
    String stranger = "tenant-" + UUID.randomUUID();

    as(stranger).get("/api/v1/companies/" + companyId).then().spec(Problems.problem(404));
    as(stranger).get("/api/v1/contacts/" + contactId).then().spec(Problems.problem(404));
    as(stranger)
        .get("/api/v1/companies/" + companyId + "/timeline")
        .then()
        .spec(Problems.problem(404));
    as(stranger)
        .get("/api/v1/contacts/" + contactId + "/timeline")
        .then()
        .spec(Problems.problem(404));
    as(stranger).get("/api/v1/companies").then().statusCode(200).body("", hasSize(0));
    as(stranger)
        .body(Map.of("email", "carol@customer.test", "companyId", companyId))
        .post("/api/v1/contacts")
        .then()
        .spec(Problems.invalid("companyId"));
  }

  @Test
  void usersAreKeptPerTenantWithOneUserPerAddress() {
    String email = "ann-" + UUID.randomUUID() + "@crm.test";
    String userId =
        as(tenant)
            .body(Map.of("email", " " + email.toUpperCase() + " ", "name", "  Ann Agent "))
            .post("/api/v1/users")
            .then()
            .statusCode(201)
            .body("email", equalTo(email))
            .body("name", equalTo("Ann Agent"))
            .extract()
            .path("id");
    as(tenant).get("/api/v1/users/" + userId).then().statusCode(200).body("email", equalTo(email));
    as(tenant)
        .body(Map.of("email", email))
        .post("/api/v1/users")
        .then()
        .spec(Problems.conflict("email"));
    as(tenant)
        .body(Map.of("email", "not an address"))
        .post("/api/v1/users")
        .then()
        .spec(Problems.invalid("email"));

    String stranger = "tenant-" + UUID.randomUUID();
    as(stranger).get("/api/v1/users/" + userId).then().spec(Problems.problem(404));
    as(stranger).body(Map.of("email", email)).post("/api/v1/users").then().statusCode(201);
  }

  @Test
  void anAddressOrDomainTakenInOneTenantIsFreeInAnother() {
    String stranger = "tenant-" + UUID.randomUUID();
    as(stranger)
        .body(Map.of("name", "Customer Inc", "emailDomains", List.of("customer.test")))
        .post("/api/v1/companies")
        .then()
        .statusCode(201);
    as(stranger)
        .body(Map.of("email", "bob@customer.test"))
        .post("/api/v1/contacts")
        .then()
        .statusCode(201)
        .body("companyId", equalTo(null));
    as(tenant)
        .body(Map.of("name", "Another Customer", "emailDomains", List.of("another.test")))
        .post("/api/v1/companies")
        .then()
        .statusCode(201);

    as(stranger).get("/api/v1/companies").then().statusCode(200).body("", hasSize(1));
    as(tenant)
        .get("/api/v1/companies")
        .then()
        .statusCode(200)
        .body("name", equalTo(List.of("Another Customer", "Customer Inc")));
  }

  @Test
  void requestsWithoutAValidTokenAreUnauthorized() {
    given().get("/api/v1/companies/" + companyId).then().spec(Problems.problem(401));
    given()
        .auth()
        .oauth2(TestJwt.expiredToken(tenant, "user-1"))
        .get("/api/v1/companies/" + companyId)
        .then()
        .spec(Problems.problem(401));
    given()
        .auth()
        .oauth2(TestJwt.foreignToken(tenant, "user-1"))
        .get("/api/v1/companies/" + companyId)
        .then()
        .spec(Problems.problem(401));
    given()
        .contentType(ContentType.JSON)
        .body("{}")
        .post("/api/v1/emails")
        .then()
        .spec(Problems.problem(401));
    given()
        .auth()
        .oauth2(TestJwt.tokenWithoutSubject(tenant))
        .get("/api/v1/companies/" + companyId)
        .then()
        .spec(Problems.problem(401));
    given()
        .auth()
        .oauth2(TestJwt.tokenWithoutTenant("user-1"))
        .get("/api/v1/companies/" + companyId)
        .then()
        .spec(Problems.problem(401));
  }

  @Test
  void badDirectoryInputIsRejectedNamingTheField() {
    as(tenant)
        .body(Map.of("name", " ", "emailDomains", List.of()))
        .post("/api/v1/companies")
        .then()
        .spec(Problems.invalid("name"));
    as(tenant)
        .body(Map.of("name", "Free", "emailDomains", List.of("acme.test", "gmail.com")))
        .post("/api/v1/companies")
        .then()
        .spec(Problems.invalid("emailDomains[1]"));
    as(tenant)
        .body(Map.of("name", "Bad", "emailDomains", List.of("not a domain")))
        .post("/api/v1/companies")
        .then()
        .spec(Problems.invalid("emailDomains[0]"));
    as(tenant)
        .body("{\"name\": \"Typed\", \"emailDomains\": {\"a\": 1}}")
        .post("/api/v1/companies")
        .then()
        .log()
        .ifValidationFails()
        .spec(Problems.invalid("emailDomains"));
    as(tenant).body("{\"name\": ").post("/api/v1/companies").then().spec(Problems.invalid("body"));
    as(tenant)
        .body(Map.of("name", "Typo", "emailDomains", List.of(), "emailDomain", "acme.test"))
        .post("/api/v1/companies")
        .then()
        .spec(Problems.invalid("emailDomain"));
    as(tenant)
        .body(Map.of("email", "not-an-address"))
        .post("/api/v1/contacts")
        .then()
        .spec(Problems.invalid("email"));
    as(tenant)
        .body(Map.of("email", "bob@customer.test"))
        .post("/api/v1/contacts")
        .then()
        .spec(Problems.conflict("email"));
    as(tenant)
        .get("/api/v1/contacts/" + contactId + "/timeline?limit=0")
        .then()
        .spec(Problems.invalid("limit"))
        .body("detail", equalTo("limit must be at least 1"));
    as(tenant)
        .body(Map.of("email", " "))
        .post("/api/v1/contacts")
        .then()
        .spec(Problems.invalid("email"))
        .body("detail", equalTo("email is required"));
    as(tenant)
        .get("/api/v1/contacts/" + contactId + "/timeline?cursor=bogus")
        .then()
        .spec(Problems.invalid("cursor"));
    as(tenant).get("/api/v1/users/" + UUID.randomUUID()).then().spec(Problems.problem(404));
  }

  @Test
  void parametersThatAreNotValuesOfTheirTypeAreBadRequestsNamingThem() {
    as(tenant)
        .get("/api/v1/contacts/" + contactId + "/timeline?limit=abc")
        .then()
        .spec(Problems.invalid("limit"))
        .body("detail", equalTo("limit must be a whole number"));
    as(tenant)
        .get("/api/v1/companies/" + companyId + "/timeline?limit=1.5")
        .then()
        .spec(Problems.invalid("limit"));
    as(tenant).get("/api/v1/companies/not-a-uuid").then().spec(Problems.invalid("id"));
    as(tenant)
        .get("/api/v1/contacts/not-a-uuid/timeline?limit=10")
        .then()
        .spec(Problems.invalid("id"));
  }

  @Test
  void aContactCreatedConcurrentlyWithTheSameAddressIsAConflict() throws Exception {
    String email = "race-" + UUID.randomUUID() + "@customer.test";
    try (Connection concurrent = TestDatabase.of(ConfigProvider.getConfig()).connect()) {
      // Another request's insert, not yet committed: the endpoint counts no contact with this
      // address, and its own insert then waits on the unique index until this one commits.
      concurrent.setAutoCommit(false);
      try (var insert =
          concurrent.prepareStatement(
              "INSERT INTO timeline.contact (id, tenant_id, email, created_at)"
                  + " VALUES (?, ?, ?, now())")) {
        insert.setObject(1, UUID.randomUUID());
        insert.setString(2, tenant);
        insert.setString(3, email);
        insert.executeUpdate();
      }
      CompletableFuture<ValidatableResponse> post =
          CompletableFuture.supplyAsync(
              () -> as(tenant).body(Map.of("email", email)).post("/api/v1/contacts").then());
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> post.isDone() || insertsWaitingForALock("contact") > 0);
      concurrent.commit();

      post.get(30, TimeUnit.SECONDS).spec(Problems.conflict("email"));
    }
  }

  @Test
  void aSendWithAPropertyTheApiDoesNotKnowIsRefusedNamingIt() {
    as(tenant)
        .body(
            Map.of(
                "mailboxId",
                "mailbox-a",
                "to",
                List.of(Map.of("address", "bob@customer.test")),
                "subject",
                "Quote",
                "text",
                "Attached",
                "attachments",
                List.of(Map.of("filename", "quote.pdf"))))
        .post("/api/v1/emails")
        .then()
        .spec(Problems.invalid("attachments"))
        .body("detail", equalTo("attachments is not a property of this request"));
    as(tenant)
        .body(
            Map.of(
                "mailboxId",
                "mailbox-a",
                "to",
                List.of(Map.of("address", "bob@customer.test", "type", "cc")),
                "subject",
                "Quote",
                "text",
                "t"))
        .post("/api/v1/emails")
        .then()
        .spec(Problems.invalid("to[0].type"));
  }

  @Test
  void onlyRestBodiesAreReadStrictly() {
    // The strict reading is REST's own copy; the service's ObjectMapper still ignores unknown
    // properties, as EventJson does for Kafka records.
    assertThat(objectMapper.isEnabled(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)).isFalse();
  }

  @Test
  void badSendRequestsAreRejectedNamingTheField() {
    as(tenant)
        .body(Map.of("mailboxId", "m", "to", List.of(), "subject", "s", "text", "t"))
        .post("/api/v1/emails")
        .then()
        .spec(Problems.invalid("to"));
    as(tenant)
        .body(
            Map.of(
                "mailboxId",
                "m",
                "to",
                List.of(Map.of("address", "nobody")),
                "subject",
                "s",
                "text",
                "t"))
        .post("/api/v1/emails")
        .then()
        .spec(Problems.invalid("to[0].address"));
    as(tenant)
        .body(
            Map.of("mailboxId", "m", "to", List.of(Map.of("address", "a@b.test")), "subject", "s"))
        .post("/api/v1/emails")
        .then()
        .spec(Problems.invalid("text"));
    as(tenant)
        .body(Map.of("to", List.of(Map.of("address", "a@b.test")), "subject", "s", "text", "t"))
        .post("/api/v1/emails")
        .then()
        .spec(Problems.invalid("mailboxId"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a(b)@example.com",
        "a)b@example.com",
        "a[b]@example.com",
        "a:b@example.com",
        "a\\b@example.com",
        "\"quoted\"@example.com",
        "ann@[127.0.0.1]",
        "Ann <ann@example.com>"
      })
  void aSendToAnAddressTheSenderWouldRefuseIsAnswered400NamingTheField(String address) {
    as(tenant)
        .body(
            Map.of(
                "mailboxId",
                "m",
                "to",
                List.of(Map.of("address", "ok@example.com")),
                "cc",
                List.of(Map.of("address", address)),
                "subject",
                "s",
                "text",
                "t"))
        .post("/api/v1/emails")
        .then()
        .spec(Problems.invalid("cc[0].address"));
  }

  @Test
  void anInReplyToTheSenderCouldNotWriteIsAnswered400() {
    as(tenant)
        .body(
            Map.of(
                "mailboxId",
                "m",
                "to",
                List.of(Map.of("address", "ok@example.com")),
                "subject",
                "s",
                "text",
                "t",
                "inReplyTo",
                "<two words@example.com>"))
        .post("/api/v1/emails")
        .then()
        .spec(Problems.invalid("inReplyTo"));
  }

  private RequestSpecification as(String tenantId) {
    return given()
        .auth()
        .oauth2(TestJwt.token(tenantId, "user-1"))
        .contentType(ContentType.JSON)
        .log()
        .ifValidationFails();
  }

  private io.restassured.response.ValidatableResponse timeline(
      String kind, String id, String query) {
    String uri = "/api/v1/" + kind + "/" + id + "/timeline" + (query.isEmpty() ? "" : "?" + query);
    return as(tenant).get(uri).then().log().ifValidationFails().statusCode(200);
  }

  private MessageFetched fetched(
      String name, String mailbox, long uid, String subject, Instant sent, String html) {
    String rfcId = "<" + name + "." + tenant + "@customer.test>";
    FetchedCopy copy = new FetchedCopy(mailbox, "INBOX", 7, uid);
    return new MessageFetched(
        UUID.nameUUIDFromBytes((tenant + copy.eventId()).getBytes(StandardCharsets.UTF_8))
            .toString(),
        tenant,
        Instant.now().truncatedTo(ChronoUnit.MILLIS),
        copy,
        MessageKey.of(MessageIdentity.withMessageId(rfcId, "bob@customer.test", sent)),
        rfcId,
        null,
        List.of(),
        subject,
        sent,
        sent,
        List.of(
            new Participant(Participant.Role.FROM, "bob@customer.test", "Bob Buyer"),
            new Participant(Participant.Role.TO, "ann@acme.test", null)),
        new MessageBody("Hello " + subject, html, false, false),
        List.of(),
        false,
        null);
  }

  private MessageLinked linked(MessageFetched mail) {
    return new MessageLinked(
        UUID.nameUUIDFromBytes((mail.id() + "linked").getBytes(StandardCharsets.UTF_8)).toString(),
        tenant,
        Instant.now(),
        mail.messageKey(),
        mail.id(),
        List.of(
            new Link(new LinkTarget(LinkTarget.Type.CONTACT, contactId), LinkRule.CONTACT_ADDRESS),
            new Link(new LinkTarget(LinkTarget.Type.COMPANY, companyId), LinkRule.CONTACT_ADDRESS)),
        true);
  }

  private MessageUnmatched unmatched(MessageFetched mail) {
    return new MessageUnmatched(
        UUID.nameUUIDFromBytes((mail.id() + "unmatched").getBytes(StandardCharsets.UTF_8))
            .toString(),
        tenant,
        Instant.now(),
        mail.messageKey(),
        mail.id(),
        MessageUnmatched.Reason.NO_PARTICIPANT_MATCHED,
        "no contact among 2 participants");
  }

  /** Sessions of this database whose INSERT into {@code table} waits for another's lock. */
  private static long insertsWaitingForALock(String table) throws SQLException {
    try (var c = TestDatabase.of(ConfigProvider.getConfig()).connect();
        var s =
            c.prepareStatement(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                    + " AND wait_event_type = 'Lock' AND query ILIKE ?")) {
      s.setString(1, "insert into %" + table + "%");
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static long storedMessages(String... keys) throws Exception {
    try (var c = TestDatabase.of(ConfigProvider.getConfig()).connect();
        var s =
            c.prepareStatement(
                "SELECT count(*) FROM timeline.message WHERE message_key = ANY (?)")) {
      s.setArray(1, c.createArrayOf("text", keys));
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
