package io.mailsync.sender.send;

import io.mailsync.contracts.Timestamps;
import io.mailsync.contracts.send.SendEmail;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * The send_attempt table. Every state change is a conditional statement, so two consumers that race
 * on one command (a rebalance) cannot both claim it, and an outcome once settled never changes.
 */
@ApplicationScoped
public class SendAttempts {

  private static final String INSERT =
      """
      INSERT INTO {h-schema}send_attempt (command_id, tenant_id, mailbox_id, state, rfc_message_id,
          message_key, reason, permanent, created_at, completed_at)
      VALUES (:commandId, :tenant, :mailbox, :state, :messageId, :messageKey, :reason, :permanent,
          :createdAt, :completedAt)
      ON CONFLICT (command_id) DO NOTHING
      """;

  private static final String SETTLE =
      """
      UPDATE {h-schema}send_attempt SET state = :state, sent_folder = :sentFolder, reason = :reason,
          permanent = :permanent, completed_at = :completedAt
      WHERE command_id = :commandId AND state = 'PENDING'
      """;

  private static final String FILED =
      """
      UPDATE {h-schema}send_attempt SET sent_folder = :sentFolder
      WHERE command_id = :commandId AND state = 'SENT' AND sent_folder IS NULL
      """;

  private final Mutiny.SessionFactory sessions;

  public SendAttempts(Mutiny.SessionFactory sessions) {
    this.sessions = sessions;
  }

  /** The claim on a command: {@code claimed} is true only for the caller that inserted it. */
  public record Claim(SendAttempt attempt, boolean claimed) {}

  public Uni<SendAttempt> find(String commandId) {
    return sessions.withSession(session -> reload(session, commandId));
  }

  /** Records the command as PENDING, with the mail it is to send, unless it is known already. */
  public Uni<Claim> claim(
      SendEmail command, String rfcMessageId, String messageKey, Instant createdAt) {
    return insert(
        command, SendAttempt.State.PENDING, rfcMessageId, messageKey, null, false, createdAt, null);
  }

  /** Records a command that fails before anything is sent, unless it is known already. */
  public Uni<SendAttempt> rejected(SendEmail command, String reason, boolean permanent) {
    Instant now = Timestamps.now();
    return insert(command, SendAttempt.State.FAILED, null, null, reason, permanent, now, now)
        .map(Claim::attempt);
  }

  public Uni<SendAttempt> sent(String commandId, String sentFolder) {
    return settle(commandId, SendAttempt.State.SENT, sentFolder, null, false);
  }

  public Uni<SendAttempt> failed(String commandId, String reason, boolean permanent) {
    return settle(commandId, SendAttempt.State.FAILED, null, reason, permanent);
  }

  /** Notes where the copy of a sent mail was filed. */
  public Uni<SendAttempt> filed(String commandId, String sentFolder) {
    return sessions.withTransaction(
        session ->
            session
                .createNativeQuery(FILED)
                .setParameter("sentFolder", sentFolder)
                .setParameter("commandId", commandId)
                .executeUpdate()
                .chain(() -> reload(session, commandId)));
  }

  private Uni<Claim> insert(
      SendEmail command,
      SendAttempt.State state,
      String rfcMessageId,
      String messageKey,
      String reason,
      boolean permanent,
      Instant createdAt,
      Instant completedAt) {
    return sessions.withTransaction(
        session ->
            session
                .createNativeQuery(INSERT)
                .setParameter("commandId", command.id())
                .setParameter("tenant", command.tenantId())
                .setParameter("mailbox", command.mailboxId())
                .setParameter("state", state.name())
                .setParameter("messageId", rfcMessageId)
                .setParameter("messageKey", messageKey)
                .setParameter("reason", reason)
                .setParameter("permanent", permanent)
                .setParameter("createdAt", createdAt)
                .setParameter("completedAt", completedAt)
                .executeUpdate()
                .chain(
                    inserted ->
                        reload(session, command.id())
                            .map(attempt -> new Claim(attempt, inserted > 0))));
  }

  private Uni<SendAttempt> settle(
      String commandId,
      SendAttempt.State state,
      String sentFolder,
      String reason,
      boolean permanent) {
    return sessions.withTransaction(
        session ->
            session
                .createNativeQuery(SETTLE)
                .setParameter("state", state.name())
                .setParameter("sentFolder", sentFolder)
                .setParameter("reason", reason)
                .setParameter("permanent", permanent)
                .setParameter("completedAt", Timestamps.now())
                .setParameter("commandId", commandId)
                .executeUpdate()
                .chain(() -> reload(session, commandId)));
  }

  private static Uni<SendAttempt> reload(Mutiny.Session session, String commandId) {
    return session.find(SendAttempt.class, commandId);
  }
}
