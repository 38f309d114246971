package io.mailsync.contracts.kafka;

import io.mailsync.contracts.ContractRecord;
import io.mailsync.contracts.EventJson;
import java.io.IOException;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Kafka value deserializer for one contract record type, named in the channel's configuration so
 * that no service needs a subclass per type:
 *
 * <pre>
 * mp.messaging.incoming.mailboxes.value.deserializer=io.mailsync.contracts.kafka.ContractDeserializer
 * mp.messaging.incoming.mailboxes.mailsync.contract-type=io.mailsync.contracts.mailbox.MailboxConfigured
 * </pre>
 */
public class ContractDeserializer<T> implements Deserializer<T> {

  /** The consumer setting that names the record class. */
  public static final String TYPE_CONFIG = "mailsync.contract-type";

  private Class<T> type;

  /** For Kafka, which configures the type through {@link #TYPE_CONFIG}. */
  public ContractDeserializer() {}

  public ContractDeserializer(Class<T> type) {
    this.type = type;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void configure(Map<String, ?> configs, boolean isKey) {
    if (type != null) {
      return;
    }
    Object name = configs.get(TYPE_CONFIG);
    if (name == null) {
      throw new ConfigException(
          TYPE_CONFIG + " is not set: name the contract record class this consumer reads");
    }
    try {
      Class<?> named =
          Class.forName(name.toString(), true, Thread.currentThread().getContextClassLoader());
      if (!ContractRecord.class.isAssignableFrom(named)) {
        throw new ConfigException(TYPE_CONFIG, name, "not a contract record class");
      }
      type = (Class<T>) named;
    } catch (ClassNotFoundException e) {
      throw new ConfigException(TYPE_CONFIG, name, "no such class");
    }
  }

  @Override
  public T deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    if (type == null) {
      throw new IllegalStateException("ContractDeserializer used before it was configured");
    }
    try {
      return EventJson.mapper().readValue(data, type);
    } catch (IOException e) {
      throw new SerializationException("not a " + type.getSimpleName() + " on " + topic, e);
    }
  }
}
