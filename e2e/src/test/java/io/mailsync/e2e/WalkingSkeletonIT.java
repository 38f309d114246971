package io.mailsync.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.mailsync.contracts.Topics;
import io.mailsync.e2e.stack.DemoData;
import io.mailsync.e2e.stack.MailsyncStack;
import io.mailsync.e2e.stack.StackClient;
import io.mailsync.e2e.stack.StackSettings;
import io.mailsync.testkit.ChildProcess;
import io.mailsync.testkit.auth.TestJwt;
import io.mailsync.testkit.kafka.KafkaBroker;
import io.mailsync.testkit.mail.GreenMailServer;
import io.mailsync.testkit.mail.ImapClient;
import io.mailsync.testkit.mail.MailAccount;
import io.mailsync.testkit.mail.TestMessage;
import io.mailsync.testkit.postgres.PostgresServer;
import io.mailsync.testkit.postgres.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The whole path with every service and cdc as a separate process: mail delivered to a mailbox
 * shows on the contact's and the company's timelines; a mail sent through the API reaches the
 * recipient and the sender's Sent folder and shows once; a fetcher restart shows nothing twice.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WalkingSkeletonIT {

  private static final Duration PATIENCE = Duration.ofMinutes(3);

  private final String tenant = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
  private TestDatabase database;
  private StackSettings settings;
  private MailsyncStack stack;
  private StackClient client;
  private MailAccount ann;
  private MailAccount bob;
  private String companyId;
  private String contactId;
  private String mailboxId;

  @BeforeAll
  void startStack() throws Exception {
    KafkaBroker kafka = KafkaBroker.shared();
    kafka.createMailsyncTopics();
    database = PostgresServer.shared().createDatabase("e2e");
    GreenMailServer mail = GreenMailServer.shared();
    ann = mail.createAccount("ann-" + tenant + "@acme.test", "ann-secret");
    bob = mail.createAccount("bob-" + tenant + "@customer.test", "bob-secret");
    Path root = Path.of(System.getProperty("mailsync.root", "..")).toAbsolutePath().normalize();
    settings =
        new StackSettings(
            root,
            root.resolve("e2e/target/e2e-run-" + tenant),
            kafka.bootstrapServers(),
            database,
            TestJwt.publicKeyBase64(),
            new StackSettings.ServicePorts(
                ChildProcess.freePort(),
                ChildProcess.freePort(),
                ChildProcess.freePort(),
                ChildProcess.freePort()),
            "mailsync_" + tenant.replace('-', '_'),
            StackSettings.randomKey(),
            StackSettings.randomKey(),
            "2s");
    stack = new MailsyncStack(settings).start();
    String token = TestJwt.token(tenant, "ann");
    client = new StackClient(token);

    DemoData directory = DemoData.seed(settings, token, ann, bob.email());
    companyId = directory.companyId();
    contactId = directory.contactId();
    mailboxId = client.registerMailbox(settings.fetcherUrl(), ann).path("id").asText();
  }

  @AfterAll
  void stopStack() {
    if (stack != null) {
      stack.close();
    }
    if (database != null) {
      PostgresServer.shared().dropDatabase(database);
    }
  }

  @Test
  @Order(1)
  void deliveredMailShowsOnTheContactAndCompanyTimelines() throws Exception {
    GreenMailServer.shared()
        .sendOverSmtp(
            TestMessage.from(bob.email())
                .to(ann.email())
                .subject("Quote for 20 seats")
                .text("Hi Ann"));

    await()
        .atMost(PATIENCE)
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () ->
                assertThat(subjects("contacts", contactId)).containsExactly("Quote for 20 seats"));
    assertThat(subjects("companies", companyId)).containsExactly("Quote for 20 seats");
  }

  @Test
  @Order(2)
  void sentMailReachesTheRecipientAndTheSentFolderAndShowsOnce() throws Exception {
    client.post(
        settings.timelineUrl() + "/api/v1/emails",
        Map.of(
            "mailboxId",
            mailboxId,
            "to",
            List.of(Map.of("address", bob.email(), "name", "Bob")),
            "subject",
            "Re: Quote for 20 seats",
            "text",
            "Here is the quote."));

    await()
        .atMost(PATIENCE)
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(() -> assertThat(folder(bob, "INBOX")).contains("Re: Quote for 20 seats"));
    await()
        .atMost(PATIENCE)
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () -> assertThat(folder(ann, "Sent")).containsExactly("Re: Quote for 20 seats"));
    await()
        .atMost(PATIENCE)
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () ->
                assertThat(subjects("contacts", contactId))
                    .containsExactly("Re: Quote for 20 seats", "Quote for 20 seats"));
    assertThat(folder(bob, "INBOX")).containsOnlyOnce("Re: Quote for 20 seats");
  }

  @Test
  @Order(3)
  void restartingTheFetcherRepublishesNothingVisibleTwice() throws Exception {
    List<String> before = subjects("contacts", contactId);
    long published = endOffset(Topics.MESSAGES);

    stack.restart("fetcher-service");

    // several poll intervals after the restart: nothing new on the topic, nothing twice on screen
    await()
        .during(Duration.ofSeconds(12))
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              assertThat(subjects("contacts", contactId)).isEqualTo(before);
              assertThat(endOffset(Topics.MESSAGES)).isEqualTo(published);
            });
    JsonNode entries =
        client
            .get(settings.timelineUrl() + "/api/v1/contacts/" + contactId + "/timeline")
            .path("entries");
    for (JsonNode entry : entries) {
      assertThat(entry.path("copies").asLong())
          .as("copies of %s", entry.path("subject"))
          .isEqualTo(1);
    }
  }

  private List<String> subjects(String kind, String id) throws Exception {
    JsonNode page = client.get(settings.timelineUrl() + "/api/v1/" + kind + "/" + id + "/timeline");
    List<String> subjects = new ArrayList<>();
    page.path("entries").forEach(e -> subjects.add(e.path("subject").asText()));
    return subjects;
  }

  private static List<String> folder(MailAccount account, String name) throws Exception {
    try (ImapClient imap = ImapClient.connect(account)) {
      return imap.read(name).stream().map(ImapClient.FetchedMail::subject).toList();
    }
  }

  /** Records on the topic so far: the sum of its partitions' end offsets. */
  private long endOffset(String topic) throws Exception {
    try (Admin admin = KafkaBroker.shared().admin()) {
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
          .map(p -> new TopicPartition(topic, p.partition()))
          .forEach(p -> latest.put(p, OffsetSpec.latest()));
      return admin.listOffsets(latest).all().get().values().stream()
          .mapToLong(ListOffsetsResultInfo::offset)
          .sum();
    }
  }
}
