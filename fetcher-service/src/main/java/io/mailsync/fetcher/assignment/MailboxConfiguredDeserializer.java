package io.mailsync.fetcher.assignment;

import io.mailsync.contracts.kafka.ContractDeserializer;
import io.mailsync.contracts.mailbox.MailboxConfigured;

/** Names the mailboxes topic's value type in configuration. */
public class MailboxConfiguredDeserializer extends ContractDeserializer<MailboxConfigured> {

  public MailboxConfiguredDeserializer() {
    super(MailboxConfigured.class);
  }
}
