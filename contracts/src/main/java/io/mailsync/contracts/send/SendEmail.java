package io.mailsync.contracts.send;

import io.mailsync.contracts.ContractRecord;
import io.mailsync.contracts.Keys;
import io.mailsync.contracts.RequiredFields;
import java.time.Instant;
import java.util.List;

/**
 * Command: send an email from a mailbox. Its {@code id} is the idempotency key — the sender
 * performs a command with a given id at most once, however often it is delivered.
 *
 * @param requestedBy the user who asked for the send
 * @param inReplyTo Message-ID of the mail answered, or null
 */
public record SendEmail(
    String id,
    String tenantId,
    Instant occurredAt,
    String mailboxId,
    String requestedBy,
    List<EmailAddress> to,
    List<EmailAddress> cc,
    List<EmailAddress> bcc,
    String subject,
    String textBody,
    String htmlBody,
    String inReplyTo,
    List<String> references)
    implements ContractRecord {

  @Override
  public String key() {
    return Keys.mailbox(tenantId, mailboxId);
  }

  /** Without these no outcome can be addressed, nor the mailbox's owner checked. */
  @Override
  public RequiredFields required() {
    return ContractRecord.super
        .required()
        .text("mailboxId", mailboxId)
        .text("requestedBy", requestedBy);
  }
}
