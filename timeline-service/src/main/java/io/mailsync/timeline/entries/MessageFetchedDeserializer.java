package io.mailsync.timeline.entries;

import io.mailsync.contracts.kafka.ContractDeserializer;
import io.mailsync.contracts.message.MessageFetched;

public class MessageFetchedDeserializer extends ContractDeserializer<MessageFetched> {

  public MessageFetchedDeserializer() {
    super(MessageFetched.class);
  }
}
