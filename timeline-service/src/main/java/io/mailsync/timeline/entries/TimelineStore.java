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
import jakarta.persistence.Tuple;
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

  /**
   * Content, links and unmatched decisions of one message arrive on different topics and are
   * written concurrently; each write decides on what the others wrote, so they take turns per
   * message (a transaction-scoped advisory lock) instead of racing past each other.
   */
  private static final String LOCK_MESSAGE =
      """
      SELECT pg_advisory_xact_lock(hashtextextended(:lockName, 0))
      """;

  private static final String COUNT_KNOWN_UNRELATED =
      """
      SELECT count(*) FROM {h-schema}unmatched_decision d
      WHERE d.tenant_id = :tenant AND d.message_key = :messageKey
        AND NOT EXISTS (SELECT 1 FROM {h-schema}timeline_entry e
                        WHERE e.tenant_id = d.tenant_id AND e.message_key = d.message_key)
      """;

  /**
   * A copy that parsed replaces content stored from a copy that did not. JSON parameters are cast
   * through text: bound straight to jsonb, the client would store a Java string as a JSON string.
   */
  private static final String INSERT_MESSAGE =
      """
      INSERT INTO {h-schema}message (tenant_id, message_key, rfc_message_id, subject, from_address,
          from_name, participants, sent_at, received_at, sort_at, text_body, html_body,
          attachments, parse_error)
      VALUES (:tenant, :messageKey, :rfcMessageId, :subject, :fromAddress, :fromName,
          CAST(CAST(:participants AS text) AS jsonb), :sentAt, :receivedAt, :sortAt, :text, :html,
          CAST(CAST(:attachments AS text) AS jsonb), :parseError)
      ON CONFLICT (tenant_id, message_key) DO UPDATE SET subject = EXCLUDED.subject,
          participants = EXCLUDED.participants, sent_at = EXCLUDED.sent_at,
          text_body = EXCLUDED.text_body, html_body = EXCLUDED.html_body,
          attachments = EXCLUDED.attachments, parse_error = NULL
      WHERE message.parse_error IS NOT NULL AND EXCLUDED.parse_error IS NULL
      """;

  private static final String INSERT_COPY =
      """
      INSERT INTO {h-schema}message_copy (event_id, tenant_id, message_key, mailbox_id, folder,
          uid_validity, uid)
      VALUES (:eventId, :tenant, :messageKey, :mailboxId, :folder, :uidValidity, :uid)
      ON CONFLICT DO NOTHING
      """;

  private static final String DELETE_UNMATCHED_DECISION =
      """
      DELETE FROM {h-schema}unmatched_decision WHERE tenant_id = :tenant AND message_key = :messageKey
      """;

  private static final String INSERT_ENTRY =
      """
      INSERT INTO {h-schema}timeline_entry (tenant_id, target_type, target_id, message_key, rule,
          threaded, linked_at)
      VALUES (:tenant, :targetType, :targetId, :messageKey, :rule, :threaded, :linkedAt)
      ON CONFLICT DO NOTHING
      """;

  private static final String COUNT_ENTRIES =
      """
      SELECT count(*) FROM {h-schema}timeline_entry WHERE tenant_id = :tenant AND message_key = :messageKey
      """;

  private static final String INSERT_UNMATCHED_DECISION =
      """
      INSERT INTO {h-schema}unmatched_decision (tenant_id, message_key, decided_at)
      VALUES (:tenant, :messageKey, :decidedAt)
      ON CONFLICT DO NOTHING
      """;

  private static final String DELETE_MESSAGE =
      """
      DELETE FROM {h-schema}message WHERE tenant_id = :tenant AND message_key = :messageKey
      """;

  /**
   * One page of a target's timeline after the cursor (none on the first page: both cursor
   * parameters null); the caller limits the rows. JSON columns are read as text.
   */
  private static final String PAGE =
      """
      SELECT m.message_key AS message_key, m.subject AS subject,
          CAST(m.participants AS text) AS participants, m.sent_at AS sent_at,
          m.received_at AS received_at, m.sort_at AS sort_at, m.text_body AS text_body,
          m.html_body AS html_body, CAST(m.attachments AS text) AS attachments,
          m.parse_error AS parse_error, e.rule AS rule, e.threaded AS threaded,
          (SELECT count(*) FROM {h-schema}message_copy c
           WHERE c.tenant_id = m.tenant_id AND c.message_key = m.message_key) AS copies
      FROM {h-schema}timeline_entry e
      JOIN {h-schema}message m ON m.tenant_id = e.tenant_id AND m.message_key = e.message_key
      WHERE e.tenant_id = :tenant AND e.target_type = :targetType AND e.target_id = :targetId
        AND (CAST(:afterSortAt AS timestamptz) IS NULL
             OR (m.sort_at, m.message_key)
                < (CAST(:afterSortAt AS timestamptz), CAST(:afterMessageKey AS text)))
      ORDER BY m.sort_at DESC, m.message_key DESC
      """;

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
                          ofMessage(
                                  session.createNativeQuery(DELETE_UNMATCHED_DECISION),
                                  linked.tenantId(),
                                  linked.messageKey())
                              .executeUpdate());
          for (Link link : linked.links()) {
            chain = chain.chain(() -> insertEntry(session, linked, link));
          }
          return chain.replaceWithVoid();
        });
  }

  /** Forgets an unrelated message's content, unless another copy of it was linked. */
  public Uni<Void> storeUnmatched(MessageUnmatched unmatched) {
    String tenantId = unmatched.tenantId();
    String messageKey = unmatched.messageKey();
    return sessions.withTransaction(
        session ->
            lockMessage(session, tenantId, messageKey)
                .chain(
                    () ->
                        ofMessage(
                                session.createNativeQuery(COUNT_ENTRIES, Long.class),
                                tenantId,
                                messageKey)
                            .getSingleResult())
                .chain(
                    linked -> {
                      if (linked > 0) {
                        return Uni.createFrom().voidItem();
                      }
                      return ofMessage(
                              session.createNativeQuery(INSERT_UNMATCHED_DECISION),
                              tenantId,
                              messageKey)
                          .setParameter("decidedAt", offset(unmatched.occurredAt()))
                          .executeUpdate()
                          .chain(
                              () ->
                                  ofMessage(
                                          session.createNativeQuery(DELETE_MESSAGE),
                                          tenantId,
                                          messageKey)
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
    return sessions.withSession(
        session ->
            session
                .createNativeQuery(PAGE, Tuple.class)
                .setParameter("tenant", tenantId)
                .setParameter("targetType", targetType.name())
                .setParameter("targetId", targetId)
                .setParameter("afterSortAt", after == null ? null : offset(after.sortAt()))
                .setParameter("afterMessageKey", after == null ? null : after.messageKey())
                .setMaxResults(limit + 1)
                .getResultList()
                .map(rows -> page(rows, limit)));
  }

  /** Up to {@code limit} entries; a further row only says that there is a next page. */
  private static TimelinePage page(List<Tuple> rows, int limit) {
    List<TimelineEntry> entries = new ArrayList<>();
    TimelineCursor last = null;
    for (Tuple row : rows.subList(0, Math.min(rows.size(), limit))) {
      entries.add(entry(row));
      last = new TimelineCursor(instant(row.get("sort_at")), row.get("message_key", String.class));
    }
    String next = rows.size() > limit && last != null ? last.encode() : null;
    return new TimelinePage(entries, next);
  }

  private static TimelineEntry entry(Tuple row) {
    List<Participant> participants = read(row.get("participants", String.class), PARTICIPANTS);
    Participant from =
        participants.stream()
            .filter(p -> p.role() == Participant.Role.FROM)
            .findFirst()
            .orElse(null);
    return new TimelineEntry(
        row.get("message_key", String.class),
        row.get("subject", String.class),
        from,
        participants,
        instant(row.get("sent_at")),
        instant(row.get("received_at")),
        row.get("text_body", String.class),
        HtmlSanitizer.sanitize(row.get("html_body", String.class)),
        read(row.get("attachments", String.class), ATTACHMENTS),
        row.get("rule", String.class),
        row.get("threaded", Boolean.class),
        row.get("copies", Number.class).longValue(),
        row.get("parse_error", String.class));
  }

  /** Binds the tenant and message key every per-message statement is scoped to. */
  private static <T extends Mutiny.AbstractQuery> T ofMessage(
      T query, String tenantId, String messageKey) {
    query.setParameter("tenant", tenantId);
    query.setParameter("messageKey", messageKey);
    return query;
  }

  private static Uni<Void> lockMessage(Mutiny.Session session, String tenantId, String messageKey) {
    return session
        .createNativeQuery(LOCK_MESSAGE)
        .setParameter("lockName", tenantId + '/' + messageKey)
        .getSingleResult()
        .replaceWithVoid();
  }

  private static Uni<Boolean> isKnownUnrelated(
      Mutiny.Session session, String tenantId, String messageKey) {
    return ofMessage(
            session.createNativeQuery(COUNT_KNOWN_UNRELATED, Long.class), tenantId, messageKey)
        .getSingleResult()
        .map(count -> count > 0);
  }

  private static Uni<Integer> insertMessage(Mutiny.Session session, MessageFetched m) {
    Participant from =
        m.participants().stream()
            .filter(p -> p.role() == Participant.Role.FROM)
            .findFirst()
            .orElse(null);
    Instant sortAt =
        m.sentAt() != null ? m.sentAt() : m.receivedAt() != null ? m.receivedAt() : m.occurredAt();
    return ofMessage(session.createNativeQuery(INSERT_MESSAGE), m.tenantId(), m.messageKey())
        .setParameter("rfcMessageId", m.rfcMessageId())
        .setParameter("subject", m.subject())
        .setParameter("fromAddress", from == null ? null : from.address())
        .setParameter("fromName", from == null ? null : from.name())
        .setParameter("participants", write(m.participants()))
        .setParameter("sentAt", offset(m.sentAt()))
        .setParameter("receivedAt", offset(m.receivedAt()))
        .setParameter("sortAt", offset(sortAt))
        .setParameter("text", m.body() == null ? null : m.body().text())
        .setParameter("html", m.body() == null ? null : m.body().html())
        .setParameter("attachments", write(m.attachments() == null ? List.of() : m.attachments()))
        .setParameter("parseError", m.parseError())
        .executeUpdate();
  }

  private static Uni<Integer> insertCopy(Mutiny.Session session, MessageFetched m) {
    return ofMessage(session.createNativeQuery(INSERT_COPY), m.tenantId(), m.messageKey())
        .setParameter("eventId", m.id())
        .setParameter("mailboxId", m.copy().mailboxId())
        .setParameter("folder", m.copy().folder())
        .setParameter("uidValidity", m.copy().uidValidity())
        .setParameter("uid", m.copy().uid())
        .executeUpdate();
  }

  private static Uni<Integer> insertEntry(Mutiny.Session session, MessageLinked linked, Link link) {
    return ofMessage(
            session.createNativeQuery(INSERT_ENTRY), linked.tenantId(), linked.messageKey())
        .setParameter("targetType", link.target().type().name())
        .setParameter("targetId", link.target().id())
        .setParameter("rule", link.rule().name())
        .setParameter("threaded", linked.threaded())
        .setParameter("linkedAt", offset(linked.occurredAt()))
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
