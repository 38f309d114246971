package io.mailsync.contracts.link;

import io.mailsync.contracts.ContractRecord;
import io.mailsync.contracts.Keys;
import io.mailsync.contracts.RequiredFields;
import java.time.Instant;

/**
 * The linker found no CRM record for a message; the unmatched inbox keeps it where the tenant's
 * policy says so.
 *
 * @param sourceEventId the {@code MessageFetched} the decision was made for
 * @param detail human-readable explanation, e.g. the deny-list entry that matched
 */
public record MessageUnmatched(
    String id,
    String tenantId,
    Instant occurredAt,
    String messageKey,
    String sourceEventId,
    Reason reason,
    String detail)
    implements ContractRecord {

  public enum Reason {
    NO_PARTICIPANT_MATCHED,
    DENY_LISTED,
    ANTI_SPAM_RULE,
    FREE_MAIL_DOMAIN_ONLY
  }

  @Override
  public String key() {
    return Keys.message(tenantId, messageKey);
  }

  @Override
  public RequiredFields required() {
    return ContractRecord.super.required().text("messageKey", messageKey).value("reason", reason);
  }
}
