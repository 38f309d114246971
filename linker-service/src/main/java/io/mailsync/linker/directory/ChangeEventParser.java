package io.mailsync.linker.directory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.mailsync.contracts.EventJson;
import io.mailsync.linker.directory.DirectoryEntry.Kind;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads Debezium change events of the directory tables (JSON envelope {@code
 * before/after/op/source}, with or without the {@code schema/payload} wrapper) into directory
 * changes.
 *
 * <p>Creates, updates and snapshot reads become an upsert of the after-image; deletes a delete of
 * the before-image's row. A tombstone (null value after a delete) carries nothing new and yields no
 * change. Whether the values can be state-store key parts is the store's concern ({@code
 * DirectoryStore.storable}).
 */
public final class ChangeEventParser {

  /** Above this, an epoch number is in microseconds (1e14 ms would be the year 5138). */
  private static final long MICROS_THRESHOLD = 100_000_000_000_000L;

  /** Above this, an epoch number is in nanoseconds. */
  private static final long NANOS_THRESHOLD = 100_000_000_000_000_000L;

  public static List<DirectoryChange> parse(Kind kind, byte[] value) {
    if (value == null) {
      return List.of();
    }
    JsonNode event;
    try {
      event = EventJson.mapper().readTree(value);
    } catch (JsonProcessingException e) {
      throw new MalformedChangeEventException("not JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new MalformedChangeEventException("unreadable: " + e.getMessage());
    }
    if (event == null || !event.isObject()) {
      throw new MalformedChangeEventException("not a change event object");
    }
    if (event.has("payload") && event.has("schema")) {
      event = event.get("payload");
      if (event == null || !event.isObject()) {
        throw new MalformedChangeEventException("payload is not a change event object");
      }
    }
    String op = event.path("op").asText("");
    JsonNode before = event.path("before");
    JsonNode after = event.path("after");
    return switch (op) {
      case "c", "r" -> List.of(new DirectoryChange.Upsert(entry(kind, image(after, op, "after"))));
      case "u" -> update(kind, before, image(after, op, "after"));
      case "d" -> List.of(delete(kind, image(before, op, "before")));
      case "" -> throw new MalformedChangeEventException("change event without op");
      default ->
          throw new MalformedChangeEventException("unsupported change event op '" + op + "'");
    };
  }

  private static List<DirectoryChange> update(Kind kind, JsonNode before, JsonNode after) {
    DirectoryEntry entry = entry(kind, after);
    // A row that moved to another tenant must leave the old tenant's directory too.
    if (before.isObject()) {
      String previousTenant = text(before, "tenant_id");
      if (previousTenant != null && !previousTenant.equals(entry.tenantId())) {
        return List.of(
            new DirectoryChange.Delete(kind, previousTenant, required(before, "id")),
            new DirectoryChange.Upsert(entry));
      }
    }
    return List.of(new DirectoryChange.Upsert(entry));
  }

  private static DirectoryChange delete(Kind kind, JsonNode before) {
    return new DirectoryChange.Delete(kind, required(before, "tenant_id"), required(before, "id"));
  }

  private static JsonNode image(JsonNode node, String op, String name) {
    if (!node.isObject()) {
      throw new MalformedChangeEventException("op '" + op + "' without '" + name + "' row");
    }
    return node;
  }

  private static DirectoryEntry entry(Kind kind, JsonNode row) {
    String id = required(row, "id");
    String tenantId = required(row, "tenant_id");
    Instant createdAt = timestamp(row.get("created_at"));
    return switch (kind) {
      case COMPANY ->
          new Company(
              id, tenantId, text(row, "name"), domains(row.get("email_domains")), createdAt);
      case CONTACT ->
          new Contact(
              id,
              tenantId,
              text(row, "company_id"),
              required(row, "email"),
              text(row, "name"),
              createdAt);
      case USER -> new AppUser(id, tenantId, required(row, "email"), text(row, "name"), createdAt);
    };
  }

  private static Set<String> domains(JsonNode node) {
    Set<String> domains = new LinkedHashSet<>();
    if (node == null || node.isNull()) {
      return domains;
    }
    if (node.isArray()) {
      node.forEach(
          d -> {
            if (!d.isTextual()) {
              throw new MalformedChangeEventException("email_domains holds a non-text value");
            }
            domains.add(d.asText());
          });
      return domains;
    }
    if (node.isTextual()) {
      // PostgreSQL's array literal, e.g. {acme.com,acme.co.uk}
      String literal = node.asText().strip();
      if (literal.startsWith("{") && literal.endsWith("}")) {
        literal = literal.substring(1, literal.length() - 1);
      }
      for (String d : literal.split(",")) {
        domains.add(d.replace("\"", ""));
      }
      return domains;
    }
    throw new MalformedChangeEventException("email_domains is neither an array nor text");
  }

  /**
   * ISO-8601 text (with offset, or without it meaning UTC; a space in place of the {@code T} is
   * accepted) or an epoch number in milliseconds, microseconds or nanoseconds.
   */
  static Instant timestamp(JsonNode node) {
    if (node == null || node.isNull()) {
      throw new MalformedChangeEventException("created_at missing");
    }
    if (node.isIntegralNumber()) {
      return fromEpochNumber(node.asLong());
    }
    if (node.isTextual()) {
      String text = node.asText().strip();
      if (text.matches("-?\\d+")) {
        try {
          return fromEpochNumber(new BigDecimal(text).longValueExact());
        } catch (ArithmeticException e) {
          throw new MalformedChangeEventException("created_at out of range: " + text);
        }
      }
      String iso = text.replace(' ', 'T');
      try {
        return OffsetDateTime.parse(iso).toInstant();
      } catch (DateTimeParseException notWithOffset) {
        try {
          return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
          throw new MalformedChangeEventException("created_at is not a timestamp: " + text);
        }
      }
    }
    throw new MalformedChangeEventException("created_at is not a timestamp");
  }

  private static Instant fromEpochNumber(long value) {
    long magnitude = Math.abs(value);
    if (magnitude >= NANOS_THRESHOLD) {
      return Instant.ofEpochSecond(0, value);
    }
    if (magnitude >= MICROS_THRESHOLD) {
      return Instant.ofEpochSecond(
          Math.floorDiv(value, 1_000_000L), Math.floorMod(value, 1_000_000L) * 1_000L);
    }
    return Instant.ofEpochMilli(value);
  }

  private static String required(JsonNode row, String field) {
    String value = text(row, field);
    if (value == null || value.isBlank()) {
      throw new MalformedChangeEventException(field + " missing");
    }
    return value;
  }

  private static String text(JsonNode row, String field) {
    JsonNode node = row.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isValueNode()) {
      throw new MalformedChangeEventException(field + " is not a plain value");
    }
    return node.asText();
  }

  private ChangeEventParser() {}
}
