package io.mailsync.sender.send;

import io.mailsync.contracts.ContractRecord;
import io.mailsync.contracts.DeterministicIds;
import io.mailsync.contracts.send.EmailSendFailed;
import io.mailsync.contracts.send.EmailSent;
import io.mailsync.contracts.send.SendEmail;
import java.time.Instant;

/**
 * Builds the outcome event of a settled attempt. Its id is a name-based UUID of the command and the
 * outcome, and its time the moment the outcome was settled, so a redelivered command re-emits an
 * identical event that consumers deduplicate.
 */
public final class Outcomes {

  public static ContractRecord of(SendAttempt attempt) {
    return switch (attempt.state) {
      case SENT ->
          new EmailSent(
              id(attempt.commandId, "sent"),
              attempt.tenantId,
              attempt.completedAt,
              attempt.commandId,
              attempt.mailboxId,
              attempt.rfcMessageId,
              attempt.messageKey,
              attempt.sentFolder);
      case FAILED ->
          new EmailSendFailed(
              id(attempt.commandId, "failed"),
              attempt.tenantId,
              attempt.completedAt,
              attempt.commandId,
              attempt.mailboxId,
              attempt.reason,
              attempt.permanent);
      case PENDING -> throw new IllegalStateException(attempt + " has no outcome yet");
    };
  }

  /**
   * A command that reuses the id of another tenant's or mailbox's command: refused without being
   * stored, since the id already belongs to the other send.
   */
  public static EmailSendFailed idConflict(SendEmail command, Instant at) {
    return new EmailSendFailed(
        id(command.id(), "id-conflict/" + command.tenantId() + "/" + command.mailboxId()),
        command.tenantId(),
        at,
        command.id(),
        command.mailboxId(),
        "command id " + command.id() + " was already used for another send; not sent",
        true);
  }

  static String id(String commandId, String outcome) {
    return DeterministicIds.of("mailsync/sender", commandId, outcome);
  }

  private Outcomes() {}
}
