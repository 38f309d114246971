package io.mailsync.contracts.mailbox;

import io.mailsync.contracts.ContractRecord;
import io.mailsync.contracts.Keys;
import io.mailsync.contracts.RequiredFields;
import java.time.Instant;
import java.util.List;

/**
 * The current settings of a mailbox account, on the compacted mailboxes topic: the latest record
 * per key is the account. Fetcher replicas divide mailboxes by this topic's partitions; the sender
 * reads SMTP and Sent-folder settings from it.
 *
 * @param sentFolder the folder sent mail is filed in; null means auto-detect
 */
public record MailboxConfigured(
    String id,
    String tenantId,
    Instant occurredAt,
    String mailboxId,
    String ownerUserId,
    String emailAddress,
    MailServer imap,
    MailServer smtp,
    String username,
    SealedCredentials credentials,
    List<String> folders,
    String sentFolder,
    State state)
    implements ContractRecord {

  public enum State {
    ACTIVE,
    PAUSED
  }

  @Override
  public String key() {
    return Keys.mailbox(tenantId, mailboxId);
  }

  @Override
  public RequiredFields required() {
    return ContractRecord.super
        .required()
        .text("mailboxId", mailboxId)
        .text("emailAddress", emailAddress)
        .value("state", state);
  }
}
