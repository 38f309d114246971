package io.mailsync.fetcher.assignment;

import io.mailsync.contracts.kafka.ContractSerializer;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Values of {@code fetcher.dlq}: a record that could not be read keeps its original bytes; one that
 * was read but rejected is written back as the same JSON.
 */
public class DeadLetterSerializer implements Serializer<Object> {

  private final ContractSerializer json = new ContractSerializer();

  @Override
  public byte[] serialize(String topic, Object data) {
    return data instanceof byte[] bytes ? bytes : json.serialize(topic, data);
  }
}
