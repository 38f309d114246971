package io.mailsync.contracts.send;

import io.mailsync.contracts.ContractRecord;
import io.mailsync.contracts.Keys;
import io.mailsync.contracts.RequiredFields;

/**
 * What the sender answers a {@code SendEmail} with, sent or failed: keyed, like the command, by its
 * mailbox, and useless to a consumer without the command it answers.
 */
public interface SendOutcome extends ContractRecord {

  /** The {@code SendEmail} this answers. */
  String commandId();

  String mailboxId();

  @Override
  default String key() {
    return Keys.mailbox(tenantId(), mailboxId());
  }

  @Override
  default RequiredFields required() {
    return ContractRecord.super
        .required()
        .text("commandId", commandId())
        .text("mailboxId", mailboxId());
  }
}
