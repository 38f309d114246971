package io.mailsync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.contracts.EventJson;
import io.mailsync.contracts.mailbox.MailboxConfigured;
import io.mailsync.contracts.outbox.OutboxEvent;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every service's outbox migration creates the table {@link OutboxEvent} writes: each service owns
 * its schema, so the DDL stands in each, and this keeps the copies equal to the one row shape.
 */
class OutboxTablesTest {

  private static final Path ROOT =
      Path.of(System.getProperty("mailsync.root", "..")).toAbsolutePath().normalize();

  private static final Pattern CREATE_OUTBOX =
      Pattern.compile("CREATE TABLE outbox \\((.*?)\\n\\);", Pattern.DOTALL);

  @Test
  void everyOutboxMigrationHasTheColumnsTheRowBuilderWrites() throws IOException {
    List<String> expected = new ArrayList<>(sampleRow().columns().sequencedKeySet());
    expected.add("created_at");

    List<Path> migrations = outboxMigrations();
    assertThat(migrations)
        .extracting(p -> ROOT.relativize(p).getName(0).toString())
        .containsExactlyInAnyOrder("fetcher-service", "timeline-service");
    for (Path migration : migrations) {
      assertThat(columns(Files.readString(migration)))
          .as("columns of the outbox in %s", ROOT.relativize(migration))
          .containsExactlyElementsOf(expected);
    }
  }

  private static OutboxEvent sampleRow() throws IOException {
    MailboxConfigured record =
        EventJson.mapper()
            .readValue(
                """
                {"id":"6f1c2d9e-0000-4000-8000-000000000001","tenantId":"t1",
                 "occurredAt":"2026-12-01T00:00:00Z","mailboxId":"m1","state":"ACTIVE"}
                """,
                MailboxConfigured.class);
    return OutboxEvent.of(record, URI.create("/mailsync/tests"));
  }

  private static List<Path> outboxMigrations() throws IOException {
    try (Stream<Path> files = Files.walk(ROOT, 7)) {
      return files
          .filter(p -> p.toString().contains("/src/main/resources/db/migration/"))
          .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith("outbox.sql"))
          .sorted()
          .toList();
    }
  }

  private static List<String> columns(String sql) {
    Matcher table = CREATE_OUTBOX.matcher(sql);
    assertThat(table.find()).as("a CREATE TABLE outbox statement").isTrue();
    return table
        .group(1)
        .lines()
        .map(String::strip)
        .filter(line -> !line.isEmpty() && !line.startsWith("--"))
        .map(line -> line.split("\\s+")[0])
        .toList();
  }
}
