package io.mailsync.contracts.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailsync.contracts.Topics;
import io.mailsync.contracts.kafka.CloudEventMetadata;
import io.mailsync.contracts.kafka.ContractSerializer;
import io.mailsync.contracts.send.EmailAddress;
import io.mailsync.contracts.send.SendEmail;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import java.util.UUID;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

class OutboxEventTest {

  private static final URI SOURCE = URI.create("/mailsync/tests");

  @Test
  void rowCarriesWhatADirectPublishWrites() {
    SendEmail command = command("5b7e1c9a-0000-4000-8000-000000000001");

    SequencedMap<String, Object> columns = OutboxEvent.of(command, SOURCE).columns();

    assertThat(columns.get("id")).isEqualTo(UUID.fromString(command.id()));
    assertThat(columns.get("topic")).isEqualTo(Topics.SEND_COMMANDS);
    assertThat(new String((byte[]) columns.get("record_key"), StandardCharsets.UTF_8))
        .isEqualTo(command.key());
    assertThat((byte[]) columns.get("payload"))
        .isEqualTo(new ContractSerializer().serialize(Topics.SEND_COMMANDS, command));
    Map<String, Object> published = new LinkedHashMap<>();
    for (Header header : CloudEventMetadata.headers(command, SOURCE)) {
      published.put(
          OutboxEvent.headerColumn(header.key()),
          new String(header.value(), StandardCharsets.UTF_8));
    }
    assertThat(columns.entrySet().stream().skip(4).toList())
        .containsExactlyElementsOf(new ArrayList<>(published.entrySet()));
  }

  @Test
  void columnsFollowTheDocumentedTableShape() {
    OutboxEvent event = OutboxEvent.of(command("5b7e1c9a-0000-4000-8000-000000000002"), SOURCE);

    assertThat(event.columns().keySet())
        .containsExactly(
            "id",
            "topic",
            "record_key",
            "payload",
            "ce_specversion",
            "ce_id",
            "ce_type",
            "ce_source",
            "ce_time",
            "content_type",
            "tenant_id");
    assertThat(event.columns().get("content_type")).isEqualTo("application/json");
    assertThat(event.columns().get("tenant_id")).isEqualTo("tenant-acme");
    assertThat(event.insertInto("{h-schema}outbox"))
        .isEqualTo(
            "INSERT INTO {h-schema}outbox (id, topic, record_key, payload, ce_specversion, ce_id,"
                + " ce_type, ce_source, ce_time, content_type, tenant_id) VALUES (:id, :topic,"
                + " :record_key, :payload, :ce_specversion, :ce_id, :ce_type, :ce_source, :ce_time,"
                + " :content_type, :tenant_id)");
    assertThat(OutboxEvent.deleteFrom("{h-schema}outbox"))
        .isEqualTo("DELETE FROM {h-schema}outbox WHERE id = :id");
  }

  @Test
  void anIdThatIsNotAUuidIsRefused() {
    assertThatThrownBy(() -> OutboxEvent.of(command("not-a-uuid"), SOURCE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be a UUID, got not-a-uuid");
  }

  @Test
  void rowCannotBeChangedThroughWhatItHandsOut() {
    OutboxEvent event = OutboxEvent.of(command("5b7e1c9a-0000-4000-8000-000000000003"), SOURCE);
    SequencedMap<String, Object> columns = event.columns();

    ((byte[]) columns.get("payload"))[0] = 'x';
    columns.put("ce_id", "other");

    assertThat(((byte[]) event.columns().get("payload"))[0]).isEqualTo((byte) '{');
    assertThat(event.columns().get("ce_id")).isEqualTo(event.id().toString());
  }

  private static SendEmail command(String id) {
    return new SendEmail(
        id,
        "tenant-acme",
        Instant.parse("2026-11-23T09:15:30.123Z"),
        "mailbox-1",
        "user-1",
        List.of(new EmailAddress("bob@customer.test", "Bob")),
        List.of(),
        List.of(),
        "Quote",
        "Here it is",
        null,
        null,
        List.of());
  }
}
