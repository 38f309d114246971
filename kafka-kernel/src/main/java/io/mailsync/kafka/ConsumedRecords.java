package io.mailsync.kafka;

import io.mailsync.contracts.kafka.ContractDecoder;
import io.mailsync.contracts.kafka.PoisonRecord;
import io.mailsync.contracts.kafka.RecordCoordinates;
import io.smallrye.mutiny.Uni;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * The first step of every Reactive Messaging consumer: the record it read, decoded by one of {@link
 * ContractDecoder}'s methods. A record that cannot be read fails the returned {@code Uni} with its
 * {@link PoisonRecord}, which the connector's dead-letter strategy sends on at once, and is logged
 * by where it was read and why (never its content), in the same words the linker uses.
 */
public final class ConsumedRecords {

  private static final Logger LOG = Logger.getLogger(ConsumedRecords.class);

  public static <T> Uni<T> decoded(
      ConsumerRecord<byte[], byte[]> record, Function<ConsumerRecord<byte[], byte[]>, T> decode) {
    try {
      return Uni.createFrom().item(decode.apply(record));
    } catch (PoisonRecord refused) {
      LOG.warnf("Dead-lettering record %s: %s", RecordCoordinates.of(record), refused.getMessage());
      return Uni.createFrom().failure(refused);
    }
  }

  private ConsumedRecords() {}
}
