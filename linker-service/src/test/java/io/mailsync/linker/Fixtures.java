package io.mailsync.linker;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mailsync.contracts.EventJson;
import io.mailsync.contracts.MessageIdentity;
import io.mailsync.contracts.MessageKey;
import io.mailsync.contracts.message.FetchedCopy;
import io.mailsync.contracts.message.MessageBody;
import io.mailsync.contracts.message.MessageFetched;
import io.mailsync.contracts.message.Participant;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Test data: fetched messages and Debezium change events of the directory tables. */
public final class Fixtures {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A message whose first address is the sender and the rest recipients. */
  public static MessageFetched message(String tenant, Instant receivedAt, String... addresses) {
    List<Participant> participants = new ArrayList<>();
    for (int i = 0; i < addresses.length; i++) {
      participants.add(
          new Participant(
              i == 0 ? Participant.Role.FROM : Participant.Role.TO, addresses[i], null));
    }
    FetchedCopy copy = new FetchedCopy(UUID.randomUUID().toString(), "INBOX", 1, 42);
    String rfcMessageId = "<" + UUID.randomUUID() + "@mail.example>";
    return new MessageFetched(
        copy.eventId(),
        tenant,
        receivedAt.plusSeconds(5),
        copy,
        MessageKey.of(
            MessageIdentity.withMessageId(
                rfcMessageId,
                addresses.length == 0 ? null : addresses[0],
                receivedAt.minusSeconds(2))),
        rfcMessageId,
        null,
        List.of(),
        "Quarterly numbers",
        receivedAt.minusSeconds(2),
        receivedAt,
        participants,
        new MessageBody("See attached.", null, false, false),
        List.of(),
        false,
        null);
  }

  public static byte[] json(Object value) {
    try {
      return EventJson.mapper().writeValueAsBytes(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static ObjectNode companyRow(
      String id, String tenant, Instant createdAt, String... domains) {
    ObjectNode row = row(id, tenant, createdAt);
    row.put("name", "Company " + id);
    var array = row.putArray("email_domains");
    for (String domain : domains) {
      array.add(domain);
    }
    return row;
  }

  public static ObjectNode contactRow(
      String id, String tenant, String companyId, String email, Instant createdAt) {
    ObjectNode row = row(id, tenant, createdAt);
    row.put("company_id", companyId);
    row.put("email", email);
    row.put("name", "Contact " + id);
    return row;
  }

  public static ObjectNode userRow(String id, String tenant, String email, Instant createdAt) {
    ObjectNode row = row(id, tenant, createdAt);
    row.put("email", email);
    row.put("name", "User " + id);
    return row;
  }

  private static ObjectNode row(String id, String tenant, Instant createdAt) {
    ObjectNode row = JSON.createObjectNode();
    row.put("id", id);
    row.put("tenant_id", tenant);
    row.put("created_at", createdAt.toString());
    return row;
  }

  public static String created(ObjectNode row) {
    return envelope(null, row, "c");
  }

  public static String updated(ObjectNode before, ObjectNode after) {
    return envelope(before, after, "u");
  }

  public static String deleted(ObjectNode row) {
    return envelope(row, null, "d");
  }

  public static String envelope(ObjectNode before, ObjectNode after, String op) {
    ObjectNode event = JSON.createObjectNode();
    event.set("before", before);
    event.set("after", after);
    event.put("op", op);
    event.put("ts_ms", 1_790_000_000_000L);
    ObjectNode source = event.putObject("source");
    source.put("connector", "postgresql");
    source.put("schema", "timeline");
    return event.toString();
  }

  /** The Debezium key of a directory row. */
  public static String key(String id) {
    return JSON.createObjectNode().put("id", id).toString();
  }

  public static String uuid() {
    return UUID.randomUUID().toString();
  }

  private Fixtures() {}
}
