package io.mailsync.fetcher.imap;

import static io.mailsync.fetcher.MailboxApi.get;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.mailsync.contracts.Keys;
import io.mailsync.contracts.MessageIdentity;
import io.mailsync.contracts.MessageKey;
import io.mailsync.contracts.Topics;
import io.mailsync.contracts.kafka.CloudEventMetadata;
import io.mailsync.contracts.mailbox.MailboxConfigured;
import io.mailsync.contracts.message.MessageFetched;
import io.mailsync.contracts.message.Participant;
import io.mailsync.contracts.message.Participant.Role;
import io.mailsync.fetcher.MailboxApi;
import io.mailsync.fetcher.mailbox.MailboxStore;
import io.mailsync.fetcher.mailbox.SyncStatus;
import io.mailsync.fetcher.publish.MessagePublisher;
import io.mailsync.testkit.auth.JwtResource;
import io.mailsync.testkit.auth.TestJwt;
import io.mailsync.testkit.cdc.CdcResource;
import io.mailsync.testkit.kafka.KafkaResource;
import io.mailsync.testkit.kafka.TestTopics;
import io.mailsync.testkit.mail.GreenMailServer;
import io.mailsync.testkit.mail.ImapClient;
import io.mailsync.testkit.mail.MailAccount;
import io.mailsync.testkit.mail.TestMessage;
import io.mailsync.testkit.net.CountingProxy;
import io.mailsync.testkit.postgres.PostgresResource;
import io.quarkus.arc.ClientProxy;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Sync against GreenMail, publishing to the real broker, checkpoints in real PostgreSQL. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(JwtResource.class)
@WithTestResource(CdcResource.class)
class ImapSyncIT {

  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @Inject MailboxSync sync;
  @Inject MailboxStore store;
  @Inject MessagePublisher publisher;

  private final GreenMailServer greenMail = GreenMailServer.shared();
  private final String tenant = "tenant-" + UUID.randomUUID();
  private final String token = TestJwt.token(tenant, "user-1");

  @Test
  void publishesEachMessageOnceAndThenOnlyNewOnes() throws Exception {
    MailAccount account = account("alice");
    Instant sent = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    TestMessage quote =
        TestMessage.from("bob@customer.test")
            .to(account.email())
            .cc("carol@customer.test")
            .subject("Quote for 100 units")
            .text("Here is the quote.")
            .html("<p>Here is the <b>quote</b>.</p>")
            .messageId("<quote-" + UUID.randomUUID() + "@customer.test>")
            .inReplyTo("<request-1@crm.test>")
            .date(Date.from(sent));
    TestMessage anonymous =
        TestMessage.from("dan@customer.test")
            .to(account.email())
            .subject("No id")
            .text("Who am I?")
            .messageId(null);
    greenMail.deliver(account, quote);
    greenMail.deliver(account, anonymous);
    String id = MailboxApi.register(token, imapRequest(account, account.password()));

    sync.syncOnce(UUID.fromString(id));

    List<ConsumerRecord<String, byte[]>> records = published(id);
    assertThat(records).hasSize(2);
    MessageFetched first = TestTopics.value(records.get(0), MessageFetched.class);
    assertThat(first.tenantId()).isEqualTo(tenant);
    assertThat(first.copy().mailboxId()).isEqualTo(id);
    assertThat(first.copy().folder()).isEqualTo("INBOX");
    assertThat(first.id()).isEqualTo(first.copy().eventId());
    assertThat(first.rfcMessageId()).isEqualTo(quote.messageId());
    assertThat(first.messageKey())
        .isEqualTo(
            MessageKey.of(
                MessageIdentity.withMessageId(quote.messageId(), "bob@customer.test", sent)));
    assertThat(records.get(0).key()).isEqualTo(Keys.message(tenant, first.messageKey()));
    assertThat(TestTopics.header(records.get(0), "ce_id")).isEqualTo(first.id());
    assertThat(TestTopics.header(records.get(0), "ce_type"))
        .isEqualTo("io.mailsync.message.fetched.v1");
    assertThat(TestTopics.header(records.get(0), CloudEventMetadata.TENANT_HEADER))
        .isEqualTo(tenant);
    assertThat(first.subject()).isEqualTo("Quote for 100 units");
    assertThat(first.sentAt()).isEqualTo(sent);
    assertThat(first.receivedAt()).isNotNull();
    assertThat(first.occurredAt())
        .as("at the database's precision, as every stored or answered time")
        .isEqualTo(first.occurredAt().truncatedTo(ChronoUnit.MICROS));
    assertThat(first.inReplyTo()).isEqualTo("<request-1@crm.test>");
    assertThat(first.references()).containsExactly("<request-1@crm.test>");
    assertThat(first.participants())
        .containsExactly(
            new Participant(Role.FROM, "bob@customer.test", null),
            new Participant(Role.TO, account.email(), null),
            new Participant(Role.CC, "carol@customer.test", null));
    assertThat(first.body().text()).isEqualTo("Here is the quote.");
    assertThat(first.body().html()).isEqualTo("<p>Here is the <b>quote</b>.</p>");
    assertThat(first.attachments()).isEmpty();
    assertThat(first.seen()).isFalse();
    assertThat(first.parseError()).isNull();
    MessageFetched second = TestTopics.value(records.get(1), MessageFetched.class);
    assertThat(second.rfcMessageId()).isNull();
    assertThat(second.messageKey()).startsWith("sha256:");
    assertThat(second.copy().uid()).isGreaterThan(first.copy().uid());
    try (ImapClient client = ImapClient.connect(account)) {
      assertThat(client.read("INBOX")).noneMatch(ImapClient.FetchedMail::seen);
    }

    SyncReport again = sync.syncOnce(UUID.fromString(id));
    assertThat(again.status()).isEqualTo(SyncStatus.OK);
    assertThat(again.published()).isZero();
    assertThat(published(id)).hasSize(2);

    greenMail.deliver(
        account, TestMessage.from("erin@customer.test").to(account.email()).subject("Later"));
    sync.syncOnce(UUID.fromString(id));
    List<ConsumerRecord<String, byte[]>> after = published(id);
    assertThat(after).hasSize(3);
    MessageFetched third = TestTopics.value(after.get(2), MessageFetched.class);
    assertThat(third.subject()).isEqualTo("Later");
    // The scheduler syncs the mailbox too (every 2 s in tests), so the status may read SYNCING
    // for a moment; it settles at OK with nothing new to publish.
    JsonPath view =
        await()
            .atMost(PATIENCE)
            .until(
                () -> get("/api/v1/mailboxes/" + id, token).statusCode(200).extract().jsonPath(),
                v -> "OK".equals(v.getString("sync.status")));
    assertThat(view.getString("sync.error")).isNull();
    assertThat(view.getString("sync.lastSyncAt")).isNotNull();
    assertThat(view.getList("sync.folders.name")).containsExactly("INBOX");
    assertThat(published(id)).hasSize(3);
    assertThat(view.getLong("sync.folders[0].uidValidity")).isEqualTo(third.copy().uidValidity());
    assertThat(view.getLong("sync.folders[0].lastUid")).isEqualTo(third.copy().uid());
  }

  /** No direct sync calls here: the scheduler finds the assigned mailboxes by itself. */
  @Test
  void failingMailboxesShowTheirErrorWhileOthersKeepSyncing() throws Exception {
    MailAccount good = account("good");
    MailAccount locked = account("locked");
    String goodId = MailboxApi.register(token, imapRequest(good, good.password()));
    String lockedId = MailboxApi.register(token, imapRequest(locked, "wrong-" + locked.password()));
    Map<String, Object> closed = imapRequest(account("closed"), "any-password");
    int closedPort = closedPort();
    closed.put("imap", MailboxApi.server("127.0.0.1", closedPort, "NONE"));
    String closedId = MailboxApi.register(token, closed);

    greenMail.deliver(good, TestMessage.from("x@customer.test").to(good.email()).subject("One"));
    await().atMost(PATIENCE).untilAsserted(() -> assertThat(published(goodId)).hasSize(1));
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () ->
                get("/api/v1/mailboxes/" + lockedId, token)
                    .body("sync.status", equalTo("AUTH_FAILED"))
                    .body(
                        "sync.error",
                        equalTo("IMAP login refused by 127.0.0.1:" + greenMail.imapPort()))
                    .body(not(containsString(locked.password()))));
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () ->
                get("/api/v1/mailboxes/" + closedId, token)
                    .body("sync.status", equalTo("ERROR"))
                    .body(
                        "sync.error",
                        equalTo("could not connect to IMAP server 127.0.0.1:" + closedPort)));

    greenMail.deliver(good, TestMessage.from("x@customer.test").to(good.email()).subject("Two"));
    await().atMost(PATIENCE).untilAsserted(() -> assertThat(published(goodId)).hasSize(2));
    get("/api/v1/mailboxes/" + goodId, token).body("sync.status", not(equalTo("ERROR")));
  }

  /**
   * A wrong password is tried once: lockout policies lock the user out, and providers ban the
   * address, after a few refused logins. Counted at the server's side of a proxy.
   */
  @Test
  void aRefusedLoginIsNotTriedAgainUntilTheUserAsksForARetry() throws Exception {
    MailAccount account = account("refused");
    try (CountingProxy server = CountingProxy.to(account.host(), account.imapPort())) {
      Map<String, Object> request = imapRequest(account, "wrong-" + account.password());
      request.put("imap", MailboxApi.server("127.0.0.1", server.port(), "NONE"));
      String id = MailboxApi.register(token, request);

      await()
          .atMost(PATIENCE)
          .untilAsserted(
              () ->
                  get("/api/v1/mailboxes/" + id, token)
                      .body("sync.status", equalTo("AUTH_FAILED"))
                      .body(
                          "sync.error", equalTo("IMAP login refused by 127.0.0.1:" + server.port()))
                      .body("sync.nextAttemptAt", nullValue()));
      int attempts = server.connections();
      assertThat(attempts).isEqualTo(1);
      // Three poll intervals (2 s in tests), each of which would have logged in again.
      await()
          .during(Duration.ofSeconds(7))
          .atMost(Duration.ofSeconds(10))
          .until(() -> server.connections() == attempts);
      assertThat(sync.syncOnce(UUID.fromString(id)).status())
          .as("not even a direct sync logs in")
          .isNull();
      assertThat(server.connections()).isEqualTo(attempts);

      given()
          .auth()
          .oauth2(TestJwt.token(tenant, "user-2"))
          .post("/api/v1/mailboxes/" + id + "/retry")
          .then()
          .statusCode(404);
      given()
          .auth()
          .oauth2(token)
          .post("/api/v1/mailboxes/" + id + "/retry")
          .then()
          .statusCode(200)
          .body("sync.status", equalTo("ERROR"));
      await().atMost(PATIENCE).until(() -> server.connections() == attempts + 1);
      await()
          .atMost(PATIENCE)
          .untilAsserted(
              () ->
                  get("/api/v1/mailboxes/" + id, token)
                      .body("sync.status", equalTo("AUTH_FAILED")));
      assertThat(server.connections()).isEqualTo(attempts + 1);
    }
  }

  /** Seed 003: a paused mailbox keeps its place and goes on from there when resumed. */
  @Test
  void aPausedMailboxIsNotSyncedAndResumesWhereItStopped() throws Exception {
    MailAccount account = account("paused");
    greenMail.deliver(
        account, TestMessage.from("x@customer.test").to(account.email()).subject("1"));
    String id = MailboxApi.register(token, imapRequest(account, account.password()));
    UUID mailboxId = UUID.fromString(id);
    assertThat(sync.syncOnce(mailboxId).published()).isEqualTo(1);

    given()
        .auth()
        .oauth2(TestJwt.token(tenant, "user-2"))
        .post("/api/v1/mailboxes/" + id + "/pause")
        .then()
        .statusCode(404);
    lifecycle(id, "pause").body("state", equalTo("PAUSED"));
    lifecycle(id, "pause").body("state", equalTo("PAUSED"));
    // A sync the scheduler started before the pause finishes first (it holds the mailbox's lock).
    assertThat(sync.syncOnce(mailboxId).status()).as("skipped while paused").isNull();
    greenMail.deliver(
        account, TestMessage.from("x@customer.test").to(account.email()).subject("2"));
    assertThat(sync.syncOnce(mailboxId).status()).as("skipped while paused").isNull();
    assertThat(published(id)).hasSize(1);
    // The other services learn of it from the mailboxes topic, once however often it was asked.
    await()
        .atMost(PATIENCE)
        .until(() -> announcedStates(id).contains(MailboxConfigured.State.PAUSED));
    assertThat(announcedStates(id))
        .containsExactly(MailboxConfigured.State.ACTIVE, MailboxConfigured.State.PAUSED);

    lifecycle(id, "resume").body("state", equalTo("ACTIVE"));
    assertThat(sync.syncOnce(mailboxId).published()).as("only the new message").isEqualTo(1);
    assertThat(published(id)).hasSize(2);
    await().atMost(PATIENCE).until(() -> announcedStates(id).size() == 3);
    assertThat(announcedStates(id)).last().isEqualTo(MailboxConfigured.State.ACTIVE);
  }

  private ValidatableResponse lifecycle(String id, String action) {
    return given()
        .auth()
        .oauth2(token)
        .post("/api/v1/mailboxes/" + id + "/" + action)
        .then()
        .statusCode(200);
  }

  /** By record key: other tests put records there that are not mailboxes at all. */
  private List<MailboxConfigured.State> announcedStates(String mailboxId) {
    String key = Keys.mailbox(tenant, mailboxId);
    return TestTopics.readAll(Topics.MAILBOXES).stream()
        .filter(r -> key.equals(r.key()) && r.value() != null)
        .map(r -> TestTopics.value(r, MailboxConfigured.class))
        .map(MailboxConfigured::state)
        .toList();
  }

  /** A failure that may pass (here: nothing listens) is tried again only after a backoff. */
  @Test
  void aFailedSyncBacksOffBeforeTheNextPollTriesAgain() throws Exception {
    Map<String, Object> request = imapRequest(account("unreachable"), "any-password");
    int closedPort = closedPort();
    request.put("imap", MailboxApi.server("127.0.0.1", closedPort, "NONE"));
    String id = MailboxApi.register(token, request);
    UUID mailboxId = UUID.fromString(id);

    SyncReport first = sync.syncOnce(mailboxId);
    assertThat(first.status()).isEqualTo(SyncStatus.ERROR);
    Instant next = store.find(mailboxId).orElseThrow().nextAttemptAt;
    // Test profile: 3 s after the first failure, less at most half of it for jitter.
    assertThat(next).isAfter(Instant.now().plusMillis(500));
    assertThat(sync.syncWhenDue(mailboxId).status()).as("backing off").isNull();

    assertThat(sync.syncOnce(mailboxId).status()).isEqualTo(SyncStatus.ERROR);
    assertThat(store.find(mailboxId).orElseThrow().consecutiveFailures).isEqualTo(2);
    get("/api/v1/mailboxes/" + id, token)
        .body("sync.status", equalTo("ERROR"))
        .body("sync.nextAttemptAt", notNullValue());
  }

  /** CJK text and HTML at the body cap serialize to about 1.5 MB, over the broker's limit. */
  @Test
  void anOversizedMessageIsPublishedWithinTheCapAndTheCheckpointMovesOn() throws Exception {
    MailAccount account = account("big");
    String cjk = "郵件同步測試".repeat(50_000);
    greenMail.deliver(
        account,
        TestMessage.from("bob@customer.test")
            .to(account.email())
            .subject("Huge")
            .text(cjk)
            .html("<p>" + cjk + "</p>"));
    String id = MailboxApi.register(token, imapRequest(account, account.password()));

    SyncReport report = sync.syncOnce(UUID.fromString(id));

    assertThat(report.status()).as(String.valueOf(report.error())).isEqualTo(SyncStatus.OK);
    List<ConsumerRecord<String, byte[]>> records = published(id);
    assertThat(records).hasSize(1);
    assertThat(records.get(0).value().length).isLessThanOrEqualTo(900_000);
    MessageFetched huge = TestTopics.value(records.get(0), MessageFetched.class);
    assertThat(huge.subject()).isEqualTo("Huge");
    assertThat(huge.body().html()).isNull();
    assertThat(huge.body().htmlTruncated()).isTrue();
    assertThat(huge.body().text()).hasSize(262_144);
    assertThat(huge.parseError()).isEqualTo("event over 900000 bytes: html dropped");
    assertThat(store.checkpoint(UUID.fromString(id), "INBOX").orElseThrow().lastUid)
        .isEqualTo(huge.copy().uid());
    assertThat(sync.syncOnce(UUID.fromString(id)).published()).isZero();
  }

  @Test
  void anInterruptedFirstSyncStillReadsOnlyTheInitialWindow() throws Exception {
    MailAccount account = account("interrupted");
    greenMail.deliver(
        account, TestMessage.from("x@customer.test").to(account.email()).subject("Recent one"));
    try (ImapClient client = ImapClient.connect(account)) {
      // APPEND carries the old date as the server's INTERNALDATE, as a migrated mailbox would.
      client.append(
          "INBOX",
          TestMessage.from("x@customer.test")
              .to(account.email())
              .subject("Years old")
              .date(Date.from(Instant.now().minus(800, ChronoUnit.DAYS)))
              .toBytes());
    }
    greenMail.deliver(
        account, TestMessage.from("x@customer.test").to(account.email()).subject("Recent two"));
    String id = MailboxApi.register(token, imapRequest(account, account.password()));
    UUID mailbox = UUID.fromString(id);
    RefusingPublisher broker = new RefusingPublisher(ClientProxy.unwrap(publisher), "Recent two");
    QuarkusMock.installMockForType(broker, MessagePublisher.class);

    SyncReport interrupted = sync.syncOnce(mailbox);

    assertThat(interrupted.status()).isEqualTo(SyncStatus.ERROR);
    assertThat(subjects(id)).containsExactly("Recent one");
    broker.refusedSubject = null;
    SyncReport resumed = sync.syncOnce(mailbox);
    assertThat(resumed.status()).as(String.valueOf(resumed.error())).isEqualTo(SyncStatus.OK);
    assertThat(subjects(id)).containsExactly("Recent one", "Recent two");
    assertThat(store.checkpoint(mailbox, "INBOX").orElseThrow().initialSyncPending).isFalse();
    greenMail.deliver(
        account, TestMessage.from("x@customer.test").to(account.email()).subject("Later"));
    sync.syncOnce(mailbox);
    assertThat(subjects(id)).containsExactly("Recent one", "Recent two", "Later");
  }

  @Test
  void aMissingFolderIsReportedWhileTheOthersSync() throws Exception {
    MailAccount account = account("folders");
    greenMail.deliver(
        account, TestMessage.from("x@customer.test").to(account.email()).subject("Kept"));
    Map<String, Object> request = imapRequest(account, account.password());
    request.put("folders", List.of("INBOX", "Projects/Nope"));
    String id = MailboxApi.register(token, request);

    SyncReport report = sync.syncOnce(UUID.fromString(id));

    assertThat(report.status()).isEqualTo(SyncStatus.ERROR);
    assertThat(report.error()).isEqualTo("folder \"Projects/Nope\" does not exist on the server");
    assertThat(published(id)).hasSize(1);
  }

  private MailAccount account(String name) {
    return greenMail.createAccount(name + "-" + UUID.randomUUID() + "@crm.test", "pw-" + name);
  }

  private static Map<String, Object> imapRequest(MailAccount account, String password) {
    Map<String, Object> request = MailboxApi.request(account.email());
    request.put("username", account.login());
    request.put("password", password);
    request.put("imap", MailboxApi.server(account.host(), account.imapPort(), "NONE"));
    request.put("smtp", MailboxApi.server(account.host(), account.smtpPort(), "NONE"));
    return request;
  }

  /**
   * The mailbox's copies on the messages topic in the order a folder is published, by UID (the
   * topic's partitions keep order per message key only).
   */
  static List<ConsumerRecord<String, byte[]>> published(String mailboxId) {
    return TestTopics.readAll(Topics.MESSAGES).stream()
        .filter(r -> mailboxId.equals(TestTopics.value(r, MessageFetched.class).copy().mailboxId()))
        .sorted(
            Comparator.comparingLong(r -> TestTopics.value(r, MessageFetched.class).copy().uid()))
        .toList();
  }

  private static List<String> subjects(String mailboxId) {
    return published(mailboxId).stream()
        .map(r -> TestTopics.value(r, MessageFetched.class).subject())
        .toList();
  }

  /** The real publisher, except that the broker "refuses" one message: a sync stops there. */
  static final class RefusingPublisher extends MessagePublisher {

    private final MessagePublisher broker;
    volatile String refusedSubject;

    RefusingPublisher(MessagePublisher broker, String refusedSubject) {
      super(null);
      this.broker = broker;
      this.refusedSubject = refusedSubject;
    }

    @Override
    public Uni<Void> publish(MessageFetched message) {
      if (message.subject() != null && message.subject().equals(refusedSubject)) {
        return Uni.createFrom().failure(new IllegalStateException("record refused"));
      }
      return broker.publish(message);
    }
  }

  private static int closedPort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
