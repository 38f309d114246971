package io.mailsync.contracts.send;

import java.time.Instant;

/**
 * A send command that could not be carried out.
 *
 * @param commandId the {@code SendEmail} this answers
 * @param reason readable cause, e.g. "SMTP server rejected the login"; never carries credentials
 * @param permanent true when retrying the same command cannot succeed (bad recipient, unknown
 *     mailbox), false for transient failures the sender has given up retrying
 */
public record EmailSendFailed(
    String id,
    String tenantId,
    Instant occurredAt,
    String commandId,
    String mailboxId,
    String reason,
    boolean permanent)
    implements SendOutcome {}
