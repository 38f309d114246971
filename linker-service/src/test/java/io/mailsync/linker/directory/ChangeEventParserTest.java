package io.mailsync.linker.directory;

import static io.mailsync.linker.Fixtures.companyRow;
import static io.mailsync.linker.Fixtures.contactRow;
import static io.mailsync.linker.Fixtures.userRow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailsync.linker.Fixtures;
import io.mailsync.linker.directory.DirectoryEntry.Kind;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ChangeEventParserTest {

  private static final Instant CREATED = Instant.parse("2026-11-23T09:00:00.123456Z");

  @ParameterizedTest
  @ValueSource(strings = {"c", "r", "u"})
  void createReadAndUpdateUpsertTheAfterImage(String op) {
    ObjectNode after = companyRow("c1", "t1", CREATED, "Acme.com", "acme.co.uk");

    List<DirectoryChange> changes = parse(Kind.COMPANY, Fixtures.envelope(null, after, op));

    assertThat(changes)
        .containsExactly(
            new DirectoryChange.Upsert(
                new Company("c1", "t1", "Company c1", Set.of("acme.com", "acme.co.uk"), CREATED)));
  }

  @Test
  void contactAndUserRowsAreRead() {
    assertThat(
            parse(
                Kind.CONTACT,
                Fixtures.created(contactRow("p1", "t1", null, "Bob@Acme.com", CREATED))))
        .containsExactly(
            new DirectoryChange.Upsert(
                new Contact("p1", "t1", null, "bob@acme.com", "Contact p1", CREATED)));
    assertThat(parse(Kind.USER, Fixtures.created(userRow("u1", "t1", "me@ourco.com", CREATED))))
        .containsExactly(
            new DirectoryChange.Upsert(
                new AppUser("u1", "t1", "me@ourco.com", "User u1", CREATED)));
  }

  @Test
  void deleteRemovesTheBeforeImagesRowAndTheTombstoneChangesNothing() {
    ObjectNode before = contactRow("p1", "t1", "c1", "bob@acme.com", CREATED);

    assertThat(parse(Kind.CONTACT, Fixtures.deleted(before)))
        .containsExactly(new DirectoryChange.Delete(Kind.CONTACT, "t1", "p1"));
    assertThat(ChangeEventParser.parse(Kind.CONTACT, null)).isEmpty();
  }

  @Test
  void updateThatMovesARowToAnotherTenantRemovesItFromTheOldOne() {
    ObjectNode before = contactRow("p1", "t1", null, "bob@acme.com", CREATED);
    ObjectNode after = contactRow("p1", "t2", null, "bob@acme.com", CREATED);

    assertThat(parse(Kind.CONTACT, Fixtures.updated(before, after)))
        .containsExactly(
            new DirectoryChange.Delete(Kind.CONTACT, "t1", "p1"),
            new DirectoryChange.Upsert(
                new Contact("p1", "t2", null, "bob@acme.com", "Contact p1", CREATED)));
  }

  @Test
  void envelopeWithSchemaAndPayloadIsUnwrapped() {
    String payload = Fixtures.created(userRow("u1", "t1", "me@ourco.com", CREATED));
    String wrapped = "{\"schema\":{\"type\":\"struct\"},\"payload\":" + payload + "}";

    assertThat(parse(Kind.USER, wrapped)).hasSize(1);
  }

  @ParameterizedTest
  @CsvSource({
    "2026-11-23T09:00:00.123456Z, 2026-11-23T09:00:00.123456Z",
    "2026-11-23T10:00:00.123456+01:00, 2026-11-23T09:00:00.123456Z",
    "2026-11-23 09:00:00.123456+00, 2026-11-23T09:00:00.123456Z",
    "2026-11-23T09:00:00.123456, 2026-11-23T09:00:00.123456Z",
    "1795424400123456, 2026-11-23T09:00:00.123456Z",
    "1795424400123, 2026-11-23T09:00:00.123Z"
  })
  void timestampsAreReadLeniently(String text, Instant expected) {
    ObjectNode row = userRow("u1", "t1", "me@ourco.com", CREATED);
    if (text.matches("\\d+")) {
      row.put("created_at", Long.parseLong(text));
    } else {
      row.put("created_at", text);
    }

    DirectoryChange change = parse(Kind.USER, Fixtures.created(row)).get(0);

    assertThat(((DirectoryChange.Upsert) change).entry().createdAt()).isEqualTo(expected);
  }

  @Test
  void postgresArrayLiteralIsReadAsDomains() {
    ObjectNode row = companyRow("c1", "t1", CREATED);
    row.put("email_domains", "{acme.com,\"acme.de\"}");

    DirectoryChange change = parse(Kind.COMPANY, Fixtures.created(row)).get(0);

    assertThat(((Company) ((DirectoryChange.Upsert) change).entry()).emailDomains())
        .containsExactlyInAnyOrder("acme.com", "acme.de");
  }

  @Test
  void malformedEventsAreRejectedWithTheReason() {
    ObjectNode noTenant = contactRow("p1", "t1", null, "bob@acme.com", CREATED);
    noTenant.remove("tenant_id");
    ObjectNode noEmail = contactRow("p1", "t1", null, "bob@acme.com", CREATED);
    noEmail.putNull("email");
    ObjectNode badTime = contactRow("p1", "t1", null, "bob@acme.com", CREATED);
    badTime.put("created_at", "yesterday");

    assertRejected("{not json", "not JSON");
    assertRejected("[1,2]", "not a change event object");
    assertRejected(Fixtures.envelope(null, null, "c"), "op 'c' without 'after' row");
    assertRejected(Fixtures.envelope(null, null, "t"), "unsupported change event op 't'");
    assertRejected("{\"after\":{}}", "change event without op");
    assertRejected(Fixtures.created(noTenant), "tenant_id missing");
    assertRejected(Fixtures.created(noEmail), "email missing");
    assertRejected(Fixtures.created(badTime), "created_at is not a timestamp");
  }

  private static void assertRejected(String event, String reason) {
    assertThatThrownBy(() -> parse(Kind.CONTACT, event))
        .isInstanceOf(MalformedChangeEventException.class)
        .hasMessageContaining(reason);
  }

  private static List<DirectoryChange> parse(Kind kind, String event) {
    return ChangeEventParser.parse(kind, event.getBytes(StandardCharsets.UTF_8));
  }
}
