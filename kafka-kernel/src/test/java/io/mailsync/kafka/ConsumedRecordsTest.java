package io.mailsync.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailsync.contracts.kafka.PoisonRecord;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class ConsumedRecordsTest {

  private final ConsumerRecord<byte[], byte[]> record =
      new ConsumerRecord<>("topic", 2, 7, null, "value".getBytes(StandardCharsets.UTF_8));

  @Test
  void aDecodedRecordIsTheItem() {
    assertThat(
            ConsumedRecords.decoded(record, r -> new String(r.value(), StandardCharsets.UTF_8))
                .await()
                .indefinitely())
        .isEqualTo("value");
  }

  @Test
  void aPoisonRecordFailsTheUniInsteadOfThrowing() {
    var decoded =
        ConsumedRecords.<String>decoded(
            record,
            r -> {
              throw new PoisonRecord("unreadable");
            });

    assertThatThrownBy(() -> decoded.await().indefinitely())
        .isInstanceOf(PoisonRecord.class)
        .hasMessage("unreadable");
  }
}
