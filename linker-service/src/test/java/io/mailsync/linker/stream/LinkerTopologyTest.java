package io.mailsync.linker.stream;

import static io.mailsync.linker.Fixtures.companyRow;
import static io.mailsync.linker.Fixtures.contactRow;
import static io.mailsync.linker.Fixtures.json;
import static io.mailsync.linker.Fixtures.key;
import static io.mailsync.linker.Fixtures.message;
import static io.mailsync.linker.Fixtures.userRow;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailsync.contracts.EventJson;
import io.mailsync.contracts.EventType;
import io.mailsync.contracts.Topics;
import io.mailsync.contracts.kafka.DeadLetter;
import io.mailsync.contracts.kafka.PoisonRecord;
import io.mailsync.contracts.link.Link;
import io.mailsync.contracts.link.LinkRule;
import io.mailsync.contracts.link.LinkTarget;
import io.mailsync.contracts.link.MessageLinked;
import io.mailsync.contracts.link.MessageUnmatched;
import io.mailsync.contracts.message.MessageFetched;
import io.mailsync.linker.Fixtures;
import io.mailsync.linker.rules.LinkRules;
import io.mailsync.mail.address.FreeMailDomains;
import io.mailsync.testkit.contracts.ContractSchemas;
import io.mailsync.testkit.kafka.TestTopics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinkerTopologyTest {

  private static final Duration GRACE = Duration.ofSeconds(30);
  private static final Instant START = Instant.parse("2026-11-23T12:00:00Z");
  private static final Instant RECEIVED = START.minusSeconds(60);
  private static final Instant LONG_AGO = START.minus(Duration.ofDays(30));
  private static final String TENANT = "tenant-a";

  @TempDir Path stateDir;

  private TopologyTestDriver driver;
  private TestInputTopic<String, byte[]> messages;
  private TestInputTopic<String, String> companies;
  private TestInputTopic<String, String> contacts;
  private TestInputTopic<String, String> users;
  private TestOutputTopic<String, String> links;
  private TestOutputTopic<byte[], byte[]> deadLetters;

  private final String acmeId = Fixtures.uuid();
  private final String bobId = Fixtures.uuid();

  @BeforeEach
  void startDriver() {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, LinkerTopology.APPLICATION_ID);
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    driver =
        new TopologyTestDriver(
            LinkerTopology.build(
                new LinkRules(FreeMailDomains.standard()), GRACE, Duration.ofSeconds(1)),
            props,
            START);
    messages =
        driver.createInputTopic(
            Topics.MESSAGES,
            new StringSerializer(),
            new ByteArraySerializer(),
            START,
            Duration.ZERO);
    companies = directoryTopic(Topics.DIRECTORY_COMPANIES);
    contacts = directoryTopic(Topics.DIRECTORY_CONTACTS);
    users = directoryTopic(Topics.DIRECTORY_USERS);
    links =
        driver.createOutputTopic(Topics.LINKS, new StringDeserializer(), new StringDeserializer());
    deadLetters =
        driver.createOutputTopic(
            LinkerTopology.DEAD_LETTER_TOPIC,
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer());
  }

  @AfterEach
  void closeDriver() {
    driver.close();
  }

  @Test
  void messageMatchingTheDirectoryIsLinkedAtOnceWithCloudEventsHeaders() throws IOException {
    createAcmeAndBob();
    MessageFetched message = message(TENANT, RECEIVED, "bob@acme.com", "me@ourco.com");

    pipe(message);

    TestRecord<String, String> record = links.readRecord();
    assertThat(record.key()).isEqualTo(message.key());
    ContractSchemas.assertValid(EventType.MESSAGE_LINKED, record.value());
    MessageLinked linked = EventJson.mapper().readValue(record.value(), MessageLinked.class);
    assertThat(linked.tenantId()).isEqualTo(TENANT);
    assertThat(linked.messageKey()).isEqualTo(message.messageKey());
    assertThat(linked.sourceEventId()).isEqualTo(message.id());
    assertThat(linked.threaded()).isTrue();
    assertThat(linked.occurredAt()).isEqualTo(START);
    assertThat(linked.links())
        .containsExactly(
            new Link(new LinkTarget(LinkTarget.Type.CONTACT, bobId), LinkRule.CONTACT_ADDRESS),
            new Link(new LinkTarget(LinkTarget.Type.COMPANY, acmeId), LinkRule.COMPANY_DOMAIN));

    Headers headers = record.headers();
    assertThat(TestTopics.header(headers, "ce_specversion")).isEqualTo("1.0");
    assertThat(TestTopics.header(headers, "ce_id")).isEqualTo(linked.id());
    assertThat(TestTopics.header(headers, "ce_type")).isEqualTo("io.mailsync.message.linked.v1");
    assertThat(TestTopics.header(headers, "ce_source")).isEqualTo("/mailsync/linker-service");
    assertThat(TestTopics.header(headers, "ce_time")).isEqualTo("2026-11-23T12:00:00Z");
    assertThat(TestTopics.header(headers, "content-type")).isEqualTo("application/json");
    assertThat(TestTopics.header(headers, "tenant_id")).isEqualTo(TENANT);
    assertThat(links.isEmpty()).isTrue();
  }

  @Test
  void messageMatchingNothingIsUnmatchedOnlyAfterTheGracePeriod() throws IOException {
    createAcmeAndBob();
    MessageFetched message = message(TENANT, RECEIVED, "stranger@unknown.example");

    pipe(message);
    assertThat(links.isEmpty()).isTrue();
    driver.advanceWallClockTime(GRACE.minusSeconds(2));
    assertThat(links.isEmpty()).isTrue();

    driver.advanceWallClockTime(Duration.ofSeconds(3));

    TestRecord<String, String> record = links.readRecord();
    assertThat(record.key()).isEqualTo(message.key());
    ContractSchemas.assertValid(EventType.MESSAGE_UNMATCHED, record.value());
    MessageUnmatched unmatched =
        EventJson.mapper().readValue(record.value(), MessageUnmatched.class);
    assertThat(unmatched.reason()).isEqualTo(MessageUnmatched.Reason.NO_PARTICIPANT_MATCHED);
    assertThat(unmatched.detail())
        .isEqualTo("no contact or company domain matched 1 participant address");
    assertThat(unmatched.sourceEventId()).isEqualTo(message.id());
    assertThat(TestTopics.header(record.headers(), "ce_type"))
        .isEqualTo("io.mailsync.message.unmatched.v1");
    assertThat(TestTopics.header(record.headers(), "ce_id")).isEqualTo(unmatched.id());
    assertThat(TestTopics.header(record.headers(), "tenant_id")).isEqualTo(TENANT);

    driver.advanceWallClockTime(GRACE.multipliedBy(2));
    assertThat(links.isEmpty()).isTrue();
  }

  @Test
  void directoryChangeArrivingWithinTheGraceLinksTheHeldMessage() throws IOException {
    MessageFetched message = message(TENANT, RECEIVED, "bob@acme.com");
    pipe(message);
    driver.advanceWallClockTime(Duration.ofSeconds(10));
    assertThat(links.isEmpty()).isTrue();

    // The rows existed before the mail came in; change capture merely delivered them late.
    createAcmeAndBob();
    assertThat(links.isEmpty()).as("decided once, when the grace period ends").isTrue();
    driver.advanceWallClockTime(GRACE.minusSeconds(9));

    MessageLinked linked = EventJson.mapper().readValue(links.readValue(), MessageLinked.class);
    assertThat(linked.links()).extracting(l -> l.target().id()).containsExactly(bobId, acmeId);
    assertThat(linked.sourceEventId()).isEqualTo(message.id());
    driver.advanceWallClockTime(GRACE.multipliedBy(2));
    assertThat(links.isEmpty()).isTrue();
  }

  @Test
  void contactArrivingAfterItsCompanyWithinTheGraceIsAddedWhenTheGraceEnds() throws IOException {
    companies.pipeInput(
        key(acmeId), Fixtures.created(companyRow(acmeId, TENANT, LONG_AGO, "acme.com")));
    MessageFetched message = message(TENANT, RECEIVED, "bob@acme.com");
    pipe(message);
    MessageLinked first = EventJson.mapper().readValue(links.readValue(), MessageLinked.class);
    assertThat(first.links()).extracting(l -> l.target().id()).containsExactly(acmeId);

    // The contact existed before the mail came in; change capture delivered it after the company.
    contacts.pipeInput(
        key(bobId), Fixtures.created(contactRow(bobId, TENANT, acmeId, "bob@acme.com", LONG_AGO)));
    assertThat(links.isEmpty()).isTrue();
    driver.advanceWallClockTime(GRACE.plusSeconds(1));

    TestRecord<String, String> record = links.readRecord();
    ContractSchemas.assertValid(EventType.MESSAGE_LINKED, record.value());
    MessageLinked completed = EventJson.mapper().readValue(record.value(), MessageLinked.class);
    assertThat(completed.links()).extracting(l -> l.target().id()).containsExactly(bobId, acmeId);
    assertThat(completed.id()).isNotEqualTo(first.id());
    assertThat(TestTopics.header(record.headers(), "ce_id")).isEqualTo(completed.id());
    driver.advanceWallClockTime(GRACE.multipliedBy(2));
    assertThat(links.isEmpty()).as("nothing more once complete").isTrue();
  }

  @Test
  void linkedMessageIsNotAnnouncedAgainWhenTheGraceAddsNothing() throws IOException {
    createAcmeAndBob();
    pipe(message(TENANT, RECEIVED, "bob@acme.com"));
    assertThat(links.readRecordsToList()).hasSize(1);

    driver.advanceWallClockTime(GRACE.plusSeconds(1));

    assertThat(links.isEmpty()).isTrue();
  }

  @Test
  void contactCreatedAfterReceiptDoesNotLinkEvenWithinTheGrace() throws IOException {
    MessageFetched message = message(TENANT, RECEIVED, "bob@acme.com");
    pipe(message);

    contacts.pipeInput(
        key(bobId), Fixtures.created(contactRow(bobId, TENANT, null, "bob@acme.com", START)));
    assertThat(links.isEmpty()).isTrue();
    driver.advanceWallClockTime(GRACE.plusSeconds(1));

    assertThat(EventJson.mapper().readValue(links.readValue(), MessageUnmatched.class).reason())
        .isEqualTo(MessageUnmatched.Reason.NO_PARTICIPANT_MATCHED);
  }

  @Test
  void deletedContactAndCompanyStopMatching() throws IOException {
    createAcmeAndBob();
    pipe(message(TENANT, RECEIVED, "bob@acme.com"));
    assertThat(links.readValue()).contains(bobId);

    ObjectNode bob = contactRow(bobId, TENANT, acmeId, "bob@acme.com", LONG_AGO);
    contacts.pipeInput(key(bobId), Fixtures.deleted(bob));
    contacts.pipeInput(key(bobId), (String) null);
    ObjectNode acme = companyRow(acmeId, TENANT, LONG_AGO, "acme.com");
    companies.pipeInput(key(acmeId), Fixtures.deleted(acme));
    companies.pipeInput(key(acmeId), (String) null);
    MessageFetched afterDelete = message(TENANT, RECEIVED, "bob@acme.com");
    pipe(afterDelete);
    assertThat(links.isEmpty()).isTrue();
    driver.advanceWallClockTime(GRACE.plusSeconds(1));

    TestRecord<String, String> record = links.readRecord();
    assertThat(record.key()).isEqualTo(afterDelete.key());
    assertThat(TestTopics.header(record.headers(), "ce_type"))
        .isEqualTo("io.mailsync.message.unmatched.v1");
    assertThat(deadLetters.isEmpty()).as("tombstones are not errors").isTrue();
  }

  @Test
  void contactWhoseAddressChangedMatchesOnlyTheNewAddress() throws IOException {
    ObjectNode before = contactRow(bobId, TENANT, null, "bob@old.example", LONG_AGO);
    ObjectNode after = contactRow(bobId, TENANT, null, "bob@new.example", LONG_AGO);
    contacts.pipeInput(key(bobId), Fixtures.created(before));
    contacts.pipeInput(key(bobId), Fixtures.updated(before, after));

    pipe(message(TENANT, RECEIVED, "bob@new.example"));
    assertThat(links.readValue()).contains(bobId);
    pipe(message(TENANT, RECEIVED, "bob@old.example"));
    driver.advanceWallClockTime(GRACE.plusSeconds(1));
    assertThat(links.readValue()).contains("NO_PARTICIPANT_MATCHED");
  }

  @Test
  void anotherTenantsDirectoryAndColleaguesNeverMatch() throws IOException {
    String otherContact = Fixtures.uuid();
    contacts.pipeInput(
        key(otherContact),
        Fixtures.created(contactRow(otherContact, "tenant-b", null, "gina@globex.com", LONG_AGO)));
    String colleague = Fixtures.uuid();
    users.pipeInput(
        key(colleague), Fixtures.created(userRow(colleague, TENANT, "me@ourco.com", LONG_AGO)));
    String colleagueAsContact = Fixtures.uuid();
    contacts.pipeInput(
        key(colleagueAsContact),
        Fixtures.created(contactRow(colleagueAsContact, TENANT, null, "me@ourco.com", LONG_AGO)));

    pipe(message(TENANT, RECEIVED, "gina@globex.com", "me@ourco.com"));
    driver.advanceWallClockTime(GRACE.plusSeconds(1));

    MessageUnmatched unmatched =
        EventJson.mapper().readValue(links.readValue(), MessageUnmatched.class);
    assertThat(unmatched.detail())
        .isEqualTo(
            "no contact or company domain matched 1 participant address"
                + " (1 colleague address ignored)");
  }

  @Test
  void malformedRecordsGoToTheDeadLetterTopicAndTheStreamContinues() throws IOException {
    RecordHeaders brokenHeaders = new RecordHeaders();
    brokenHeaders.add("ce_id", "broken-1".getBytes(StandardCharsets.UTF_8));
    messages.pipeInput(
        new TestRecord<>(
            "broken-key", "{not json".getBytes(StandardCharsets.UTF_8), brokenHeaders, START));
    MessageFetched valid = message(TENANT, RECEIVED, "bob@acme.com");
    ObjectNode withoutTenant = (ObjectNode) EventJson.mapper().valueToTree(valid);
    withoutTenant.remove("tenantId");
    messages.pipeInput("no-tenant", json(withoutTenant));
    contacts.pipeInput(key(bobId), "{\"op\":\"c\",\"after\":{\"id\":\"" + bobId + "\"}}");

    createAcmeAndBob();
    pipe(valid);

    assertThat(EventJson.mapper().readValue(links.readValue(), MessageLinked.class).sourceEventId())
        .isEqualTo(valid.id());
    List<TestRecord<byte[], byte[]>> dead = deadLetters.readRecordsToList();
    assertThat(dead).hasSize(3);
    assertThat(new String(dead.get(0).key(), StandardCharsets.UTF_8)).isEqualTo("broken-key");
    assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
    assertThat(TestTopics.header(dead.get(0).headers(), "dead-letter-reason"))
        .startsWith("not a MessageFetched");
    assertThat(TestTopics.header(dead.get(0).headers(), "dead-letter-topic"))
        .isEqualTo(Topics.MESSAGES);
    assertThat(TestTopics.header(dead.get(0).headers(), "dead-letter-partition")).isEqualTo("0");
    assertThat(TestTopics.header(dead.get(0).headers(), "dead-letter-offset")).isEqualTo("0");
    assertThat(TestTopics.header(dead.get(0).headers(), "dead-letter-exception-class-name"))
        .isEqualTo(PoisonRecord.class.getName());
    assertThat(DeadLetter.sourceHeaders(dead.get(0).headers()).toArray())
        .as("the source record's own headers, unchanged")
        .containsExactly(brokenHeaders.toArray());
    assertThat(TestTopics.header(dead.get(1).headers(), "dead-letter-offset")).isEqualTo("1");
    assertThat(TestTopics.header(dead.get(1).headers(), "dead-letter-reason"))
        .isEqualTo("MessageFetched without tenantId");
    assertThat(TestTopics.header(dead.get(2).headers(), "dead-letter-reason"))
        .isEqualTo("tenant_id missing");
    assertThat(TestTopics.header(dead.get(2).headers(), "dead-letter-topic"))
        .isEqualTo(Topics.DIRECTORY_CONTACTS);
  }

  @Test
  void directoryValuesThatWouldRunIntoOtherKeysAreDeadLettered() throws IOException {
    ObjectNode forgedDomain = companyRow(acmeId, TENANT, LONG_AGO, "acme.com\u0000x");
    ObjectNode forgedTenant =
        contactRow(bobId, TENANT + "\u0000x", acmeId, "bob@acme.com", LONG_AGO);
    companies.pipeInput(key(acmeId), Fixtures.created(forgedDomain));
    contacts.pipeInput(key(bobId), Fixtures.created(forgedTenant));

    List<TestRecord<byte[], byte[]>> dead = deadLetters.readRecordsToList();
    assertThat(dead).hasSize(2);
    assertThat(dead)
        .allSatisfy(
            letter ->
                assertThat(TestTopics.header(letter.headers(), "dead-letter-reason"))
                    .contains("NUL character"));
    pipe(message(TENANT, RECEIVED, "ann@acme.com"));
    driver.advanceWallClockTime(GRACE.plusSeconds(1));
    assertThat(TestTopics.header(links.readRecord().headers(), "ce_type"))
        .as("the forged domain answers for no real one")
        .isEqualTo("io.mailsync.message.unmatched.v1");
  }

  @Test
  void replayedMessageYieldsTheSameRecordId() throws IOException {
    createAcmeAndBob();
    MessageFetched linkedMessage = message(TENANT, RECEIVED, "bob@acme.com");
    pipe(linkedMessage);
    pipe(linkedMessage);
    List<TestRecord<String, String>> linkedTwice = links.readRecordsToList();
    assertThat(linkedTwice).hasSize(2);
    assertThat(TestTopics.header(linkedTwice.get(1).headers(), "ce_id"))
        .isEqualTo(TestTopics.header(linkedTwice.get(0).headers(), "ce_id"));

    MessageFetched unmatchedMessage = message(TENANT, RECEIVED, "stranger@unknown.example");
    pipe(unmatchedMessage);
    driver.advanceWallClockTime(Duration.ofSeconds(5));
    pipe(unmatchedMessage);
    driver.advanceWallClockTime(GRACE);
    List<TestRecord<String, String>> heldOnce = links.readRecordsToList();
    assertThat(heldOnce).as("a replay within the grace is held once").hasSize(1);
    pipe(unmatchedMessage);
    driver.advanceWallClockTime(GRACE.plusSeconds(1));
    TestRecord<String, String> again = links.readRecord();

    String firstId =
        EventJson.mapper().readValue(heldOnce.get(0).value(), MessageUnmatched.class).id();
    assertThat(EventJson.mapper().readValue(again.value(), MessageUnmatched.class).id())
        .isEqualTo(firstId)
        .isNotEqualTo(TestTopics.header(linkedTwice.get(0).headers(), "ce_id"));
  }

  private void createAcmeAndBob() {
    companies.pipeInput(
        key(acmeId), Fixtures.created(companyRow(acmeId, TENANT, LONG_AGO, "acme.com")));
    contacts.pipeInput(
        key(bobId), Fixtures.created(contactRow(bobId, TENANT, acmeId, "bob@acme.com", LONG_AGO)));
  }

  private void pipe(MessageFetched message) {
    messages.pipeInput(message.key(), json(message));
  }

  private TestInputTopic<String, String> directoryTopic(String topic) {
    return driver.createInputTopic(
        topic, new StringSerializer(), new StringSerializer(), START, Duration.ZERO);
  }
}
