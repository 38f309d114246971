package io.mailsync.sender.send;

import io.mailsync.contracts.kafka.ContractDeserializer;
import io.mailsync.contracts.send.SendEmail;

/** Names the {@link SendEmail} deserializer in configuration. */
public class SendEmailDeserializer extends ContractDeserializer<SendEmail> {

  public SendEmailDeserializer() {
    super(SendEmail.class);
  }
}
