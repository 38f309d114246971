package io.mailsync.contracts.send;

import java.time.Instant;

/**
 * An email was accepted by the SMTP server. {@code messageKey} is the identity the fetcher will
 * compute when it later syncs the copy from Sent, so the timeline shows the mail once.
 *
 * @param commandId the {@code SendEmail} this answers
 * @param sentFolder the folder the copy was appended to, or null if filing failed
 */
public record EmailSent(
    String id,
    String tenantId,
    Instant occurredAt,
    String commandId,
    String mailboxId,
    String rfcMessageId,
    String messageKey,
    String sentFolder)
    implements SendOutcome {}
