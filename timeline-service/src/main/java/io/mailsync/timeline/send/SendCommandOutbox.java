package io.mailsync.timeline.send;

import io.mailsync.contracts.outbox.OutboxEvent;
import io.mailsync.contracts.send.SendEmail;
import io.mailsync.rest.IdempotencyKeyReusedException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;
import java.net.URI;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Queues SendEmail commands in the timeline's outbox, from which the cdc process publishes them:
 * once the Uni completes the command is committed and will reach the broker, whether or not the
 * broker or cdc are up right now.
 */
@ApplicationScoped
public class SendCommandOutbox {

  static final URI SOURCE = URI.create("/mailsync/timeline-service");

  /** Claims a user's key for this request; a row there already (or being inserted) wins. */
  private static final String CLAIM_KEY =
      """
      INSERT INTO {h-schema}send_idempotency_key
          (tenant_id, user_id, idempotency_key, request_fingerprint, command_id)
      VALUES (:tenant, :user, :key, :fingerprint, :commandId)
      ON CONFLICT (tenant_id, user_id, idempotency_key) DO NOTHING
      """;

  private static final String FIRST_USE =
      """
      SELECT request_fingerprint, command_id FROM {h-schema}send_idempotency_key
      WHERE tenant_id = :tenant AND user_id = :user AND idempotency_key = :key
      """;

  private final Mutiny.SessionFactory sessions;

  public SendCommandOutbox(Mutiny.SessionFactory sessions) {
    this.sessions = sessions;
  }

  /** Queues a command no client key makes repeatable. */
  public Uni<Void> queue(SendEmail command) {
    return sessions.withTransaction(session -> insertAndDelete(session, command));
  }

  /**
   * Queues the command unless its requester used {@code key} before: then nothing is queued, and
   * the first command's id is the answer when the request is the same (a retry). A concurrent
   * request with the key waits for the first one's transaction and then reads its row.
   *
   * @return the id of the command the key stands for
   * @throws IdempotencyKeyReusedException (in the Uni) when the key came with another request
   */
  public Uni<String> queueOnce(SendEmail command, IdempotencyKey key) {
    return sessions.withTransaction(
        session ->
            session
                .createNativeQuery(CLAIM_KEY)
                .setParameter("tenant", command.tenantId())
                .setParameter("user", command.requestedBy())
                .setParameter("key", key.value())
                .setParameter("fingerprint", key.requestFingerprint())
                .setParameter("commandId", command.id())
                .executeUpdate()
                .chain(
                    claimed ->
                        claimed > 0
                            ? insertAndDelete(session, command).replaceWith(command.id())
                            : firstUse(session, command, key)));
  }

  private static Uni<String> firstUse(
      Mutiny.Session session, SendEmail command, IdempotencyKey key) {
    return session
        .createNativeQuery(FIRST_USE, Tuple.class)
        .setParameter("tenant", command.tenantId())
        .setParameter("user", command.requestedBy())
        .setParameter("key", key.value())
        .getSingleResult()
        .map(
            first -> {
              if (!key.requestFingerprint()
                  .equals(first.get("request_fingerprint", String.class))) {
                throw new IdempotencyKeyReusedException();
              }
              return first.get("command_id", String.class);
            });
  }

  /** Inserts the command's row and deletes it in one transaction: the WAL carries the insert. */
  private static Uni<Void> insertAndDelete(Mutiny.Session session, SendEmail command) {
    OutboxEvent event = OutboxEvent.of(command, SOURCE);
    var insert = session.createNativeQuery(event.insertInto(OutboxEvent.TABLE));
    event.columns().forEach(insert::setParameter);
    return insert
        .executeUpdate()
        .chain(
            () ->
                session
                    .createNativeQuery(OutboxEvent.deleteFrom(OutboxEvent.TABLE))
                    .setParameter("id", event.id())
                    .executeUpdate())
        .replaceWithVoid();
  }
}
