package io.mailsync.contracts.link;

import io.mailsync.contracts.ContractRecord;
import io.mailsync.contracts.Keys;
import io.mailsync.contracts.RequiredFields;
import java.time.Instant;
import java.util.List;

/**
 * The linker's decision that a message belongs to one or more CRM records.
 *
 * @param sourceEventId the {@code MessageFetched} the decision was made for
 * @param threaded false for mail that reached the CRM by BCC: attached, never threaded
 */
public record MessageLinked(
    String id,
    String tenantId,
    Instant occurredAt,
    String messageKey,
    String sourceEventId,
    List<Link> links,
    boolean threaded)
    implements ContractRecord {

  @Override
  public String key() {
    return Keys.message(tenantId, messageKey);
  }

  @Override
  public RequiredFields required() {
    return ContractRecord.super.required().text("messageKey", messageKey).value("links", links);
  }
}
