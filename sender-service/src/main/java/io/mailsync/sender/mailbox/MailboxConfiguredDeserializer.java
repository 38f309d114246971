package io.mailsync.sender.mailbox;

import io.mailsync.contracts.kafka.ContractDeserializer;
import io.mailsync.contracts.mailbox.MailboxConfigured;

/** Names the {@link MailboxConfigured} deserializer in configuration. */
public class MailboxConfiguredDeserializer extends ContractDeserializer<MailboxConfigured> {

  public MailboxConfiguredDeserializer() {
    super(MailboxConfigured.class);
  }
}
