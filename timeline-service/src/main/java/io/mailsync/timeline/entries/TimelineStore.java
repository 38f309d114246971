package io.mailsync.timeline.entries;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mailsync.contracts.EventJson;
import io.mailsync.contracts.link.Link;
import io.mailsync.contracts.link.LinkTarget;
import io.mailsync.contracts.link.MessageLinked;
import io.mailsync.contracts.link.MessageUnmatched;
import io.mailsync.contracts.message.AttachmentMetadata;
import io.mailsync.contracts.message.MessageFetched;
import io.mailsync.contracts.message.Participant;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Materializes timelines in PostgreSQL. Every write is idempotent — replaying an event changes
 * nothing — because rows are keyed by the event's deterministic identities and inserted with ON
 * CONFLICT.
 */
@ApplicationScoped
public class TimelineStore {

  private static final ObjectMapper JSON = EventJson.mapper();
  private static final TypeReference<List<Participant>> PARTICIPANTS = new TypeReference<>() {};
  private static final TypeReference<List<AttachmentMetadata>> ATTACHMENTS =
      new TypeReference<>() {};

  private final Mutiny.SessionFactory sessions;

  public TimelineStore(Mutiny.SessionFactory sessions) {
    this.sessions = sessions;
  }

  /** Stores a fetched copy's content, unless the linker already found the message unrelated. */
  public Uni<Boolean> storeMessage(MessageFetched m) {
    return sessions.withTransaction(
        session ->
            lockMessage(session, m.tenantId(), m.messageKey())
                .chain(() -> isKnownUnrelated(session, m.tenantId(), m.messageKey()))
                .chain(
                    unrelated -> {
                      if (unrelated) {
                        return Uni.createFrom().item(false);
                      }
                      return insertMessage(session, m)
                          .chain(() -> insertCopy(session, m))
                          .replaceWith(true);
                    }));
  }

  public Uni<Void> storeLinks(MessageLinked linked) {
    return sessions.withTransaction(
        session -> {
          Uni<Integer> chain =
              lockMessage(session, linked.tenantId(), linked.messageKey())
                  .chain(
                      () ->
                          session
                              .createNativeQuery(
                                  "DELETE FROM unmatched_decision WHERE tenant_id = ?1 AND"
                                      + " message_key = ?2")
                              .setParameter(1, linked.tenantId())
                              .setParameter(2, linked.messageKey())
                              .executeUpdate());
          for (Link link : linked.links()) {
            chain =
                chain.chain(
                    () ->
                        session
                            .createNativeQuery(
                                "INSERT INTO timeline_entry (tenant_id, target_type, target_id,"
                                    + " message_key, rule, threaded, linked_at) VALUES (?1, ?2, ?3,"
                                    + " ?4, ?5, ?6, ?7) ON CONFLICT DO NOTHING")
                            .setParameter(1, linked.tenantId())
                            .setParameter(2, link.target().type().name())
                            .setParameter(3, link.target().id())
                            .setParameter(4, linked.messageKey())
                            .setParameter(5, link.rule().name())
                            .setParameter(6, linked.threaded())
                            .setParameter(7, linked.occurredAt().atOffset(ZoneOffset.UTC))
                            .executeUpdate());
          }
          return chain.replaceWithVoid();
        });
  }

  /** Forgets an unrelated message's content, unless another copy of it was linked. */
  public Uni<Void> storeUnmatched(MessageUnmatched unmatched) {
    return sessions.withTransaction(
        session ->
            lockMessage(session, unmatched.tenantId(), unmatched.messageKey())
                .chain(
                    () ->
                        session
                            .createNativeQuery(
                                "SELECT count(*) FROM timeline_entry WHERE tenant_id = ?1 AND"
                                    + " message_key = ?2",
                                Long.class)
                            .setParameter(1, unmatched.tenantId())
                            .setParameter(2, unmatched.messageKey())
                            .getSingleResult())
                .chain(
                    linked -> {
                      if (linked > 0) {
                        return Uni.createFrom().voidItem();
                      }
                      return session
                          .createNativeQuery(
                              "INSERT INTO unmatched_decision (tenant_id, message_key, decided_at)"
                                  + " VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING")
                          .setParameter(1, unmatched.tenantId())
                          .setParameter(2, unmatched.messageKey())
                          .setParameter(3, unmatched.occurredAt().atOffset(ZoneOffset.UTC))
                          .executeUpdate()
                          .chain(
                              () ->
                                  session
                                      .createNativeQuery(
                                          "DELETE FROM message WHERE tenant_id = ?1 AND message_key = ?2")
                                      .setParameter(1, unmatched.tenantId())
                                      .setParameter(2, unmatched.messageKey())
                                      .executeUpdate())
                          .replaceWithVoid();
                    }));
  }

  /** Newest first; entries whose content has not arrived yet are not shown until it does. */
  public Uni<TimelinePage> timeline(
      String tenantId,
      LinkTarget.Type targetType,
      String targetId,
      TimelineCursor after,
      int limit) {
    String sql =
        "SELECT m.message_key, m.subject, m.participants::text, m.sent_at, m.received_at,"
            + " m.sort_at, m.text_body, m.html_body, m.attachments::text, m.parse_error, e.rule,"
            + " e.threaded, (SELECT count(*) FROM message_copy c WHERE c.tenant_id = m.tenant_id"
            + " AND c.message_key = m.message_key)"
            + " FROM timeline_entry e JOIN message m"
            + " ON m.tenant_id = e.tenant_id AND m.message_key = e.message_key"
            + " WHERE e.tenant_id = ?1 AND e.target_type = ?2 AND e.target_id = ?3"
            + (after == null ? "" : " AND (m.sort_at, m.message_key) < (?4, ?5)")
            + " ORDER BY m.sort_at DESC, m.message_key DESC LIMIT "
            + (limit + 1);
    return sessions.withSession(
        session -> {
          var query =
              session
                  .createNativeQuery(sql, Object[].class)
                  .setParameter(1, tenantId)
                  .setParameter(2, targetType.name())
                  .setParameter(3, targetId);
          if (after != null) {
            query.setParameter(4, after.sortAt().atOffset(ZoneOffset.UTC));
            query.setParameter(5, after.messageKey());
          }
          return query
              .getResultList()
              .map(
                  rows -> {
                    List<TimelineEntry> entries = new ArrayList<>();
                    TimelineCursor last = null;
                    for (int i = 0; i < Math.min(rows.size(), limit); i++) {
                      Object[] row = rows.get(i);
                      entries.add(entry(row));
                      last = new TimelineCursor(instant(row[5]), (String) row[0]);
                    }
                    String next = rows.size() > limit && last != null ? last.encode() : null;
                    return new TimelinePage(entries, next);
                  });
        });
  }

  private static TimelineEntry entry(Object[] row) {
    List<Participant> participants = read((String) row[2], PARTICIPANTS);
    Participant from =
        participants.stream()
            .filter(p -> p.role() == Participant.Role.FROM)
            .findFirst()
            .orElse(null);
    return new TimelineEntry(
        (String) row[0],
        (String) row[1],
        from,
        participants,
        instant(row[3]),
        instant(row[4]),
        (String) row[6],
        HtmlSanitizer.sanitize((String) row[7]),
        read((String) row[8], ATTACHMENTS),
        (String) row[10],
        (Boolean) row[11],
        ((Number) row[12]).longValue(),
        (String) row[9]);
  }

  /**
   * Content, links and unmatched decisions of one message arrive on different topics and are
   * written concurrently; each write decides on what the others wrote, so they take turns per
   * message (a transaction-scoped advisory lock) instead of racing past each other.
   */
  private static Uni<Void> lockMessage(Mutiny.Session session, String tenantId, String messageKey) {
    return session
        .createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(?1, 0))")
        .setParameter(1, tenantId + '/' + messageKey)
        .getSingleResult()
        .replaceWithVoid();
  }

  private Uni<Boolean> isKnownUnrelated(
      Mutiny.Session session, String tenantId, String messageKey) {
    return session
        .createNativeQuery(
            "SELECT count(*) FROM unmatched_decision d WHERE d.tenant_id = ?1 AND d.message_key = ?2"
                + " AND NOT EXISTS (SELECT 1 FROM timeline_entry e WHERE e.tenant_id = d.tenant_id"
                + " AND e.message_key = d.message_key)",
            Long.class)
        .setParameter(1, tenantId)
        .setParameter(2, messageKey)
        .getSingleResult()
        .map(count -> count > 0);
  }

  /**
   * A copy that parsed replaces content stored from a copy that did not. JSON parameters are cast
   * through text: bound straight to jsonb, the client would store a Java string as a JSON string.
   */
  private static Uni<Integer> insertMessage(Mutiny.Session session, MessageFetched m) {
    Participant from =
        m.participants().stream()
            .filter(p -> p.role() == Participant.Role.FROM)
            .findFirst()
            .orElse(null);
    Instant sortAt =
        m.sentAt() != null ? m.sentAt() : m.receivedAt() != null ? m.receivedAt() : m.occurredAt();
    return session
        .createNativeQuery(
            "INSERT INTO message (tenant_id, message_key, rfc_message_id, subject, from_address,"
                + " from_name, participants, sent_at, received_at, sort_at, text_body, html_body,"
                + " attachments, parse_error) VALUES (?1, ?2, ?3, ?4, ?5, ?6, CAST(CAST(?7 AS text) AS jsonb), ?8,"
                + " ?9, ?10, ?11, ?12, CAST(CAST(?13 AS text) AS jsonb), ?14)"
                + " ON CONFLICT (tenant_id, message_key) DO UPDATE SET subject = EXCLUDED.subject,"
                + " participants = EXCLUDED.participants, sent_at = EXCLUDED.sent_at,"
                + " text_body = EXCLUDED.text_body, html_body = EXCLUDED.html_body,"
                + " attachments = EXCLUDED.attachments, parse_error = NULL"
                + " WHERE message.parse_error IS NOT NULL AND EXCLUDED.parse_error IS NULL")
        .setParameter(1, m.tenantId())
        .setParameter(2, m.messageKey())
        .setParameter(3, m.rfcMessageId())
        .setParameter(4, m.subject())
        .setParameter(5, from == null ? null : from.address())
        .setParameter(6, from == null ? null : from.name())
        .setParameter(7, write(m.participants()))
        .setParameter(8, offset(m.sentAt()))
        .setParameter(9, offset(m.receivedAt()))
        .setParameter(10, offset(sortAt))
        .setParameter(11, m.body() == null ? null : m.body().text())
        .setParameter(12, m.body() == null ? null : m.body().html())
        .setParameter(13, write(m.attachments() == null ? List.of() : m.attachments()))
        .setParameter(14, m.parseError())
        .executeUpdate();
  }

  private static Uni<Integer> insertCopy(Mutiny.Session session, MessageFetched m) {
    return session
        .createNativeQuery(
            "INSERT INTO message_copy (event_id, tenant_id, message_key, mailbox_id, folder,"
                + " uid_validity, uid) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT DO NOTHING")
        .setParameter(1, m.id())
        .setParameter(2, m.tenantId())
        .setParameter(3, m.messageKey())
        .setParameter(4, m.copy().mailboxId())
        .setParameter(5, m.copy().folder())
        .setParameter(6, m.copy().uidValidity())
        .setParameter(7, m.copy().uid())
        .executeUpdate();
  }

  private static OffsetDateTime offset(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  static Instant instant(Object value) {
    return switch (value) {
      case null -> null;
      case Instant i -> i;
      case OffsetDateTime o -> o.toInstant();
      case Timestamp t -> t.toInstant();
      case LocalDateTime l -> l.toInstant(ZoneOffset.UTC);
      default -> throw new IllegalStateException("not a timestamp: " + value.getClass());
    };
  }

  private static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static <T> List<T> read(String json, TypeReference<List<T>> type) {
    try {
      return json == null ? List.of() : JSON.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored JSON unreadable", e);
    }
  }
}
