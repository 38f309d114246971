package io.mailsync.contracts.message;

import io.mailsync.contracts.ContractRecord;
import io.mailsync.contracts.Keys;
import io.mailsync.contracts.RequiredFields;
import java.time.Instant;
import java.util.List;

/**
 * A copy of an email read from a mailbox. The fetcher publishes what it finds and decides nothing:
 * a message that failed to parse is still published, with {@code parseError} set.
 *
 * @param id the copy's deterministic event id ({@link FetchedCopy#eventId()})
 * @param messageKey the message's identity within the tenant ({@link
 *     io.mailsync.contracts.MessageKey})
 * @param sentAt the Date header; null when missing or unparsable
 * @param receivedAt the server's INTERNALDATE
 * @param seen whether the copy carried the \Seen flag when fetched
 * @param parseError why parsing failed, or null
 */
public record MessageFetched(
    String id,
    String tenantId,
    Instant occurredAt,
    FetchedCopy copy,
    String messageKey,
    String rfcMessageId,
    String inReplyTo,
    List<String> references,
    String subject,
    Instant sentAt,
    Instant receivedAt,
    List<Participant> participants,
    MessageBody body,
    List<AttachmentMetadata> attachments,
    boolean seen,
    String parseError)
    implements ContractRecord {

  @Override
  public String key() {
    return Keys.message(tenantId, messageKey);
  }

  /** A copy's message key and mailbox place are what it is stored and linked by. */
  @Override
  public RequiredFields required() {
    return ContractRecord.super.required().text("messageKey", messageKey).value("copy", copy);
  }
}
