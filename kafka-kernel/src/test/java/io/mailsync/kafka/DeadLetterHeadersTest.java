package io.mailsync.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.contracts.kafka.DeadLetter;
import io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The dead-letter header names in contracts are those SmallRye's dead-letter queue writes. */
class DeadLetterHeadersTest {

  @Test
  void areTheNamesSmallRyeWrites() {
    assertThat(DeadLetter.HEADERS)
        .containsExactlyInAnyOrderElementsOf(
            List.of(
                KafkaDeadLetterQueue.DEAD_LETTER_EXCEPTION_CLASS_NAME,
                KafkaDeadLetterQueue.DEAD_LETTER_REASON,
                KafkaDeadLetterQueue.DEAD_LETTER_CAUSE_CLASS_NAME,
                KafkaDeadLetterQueue.DEAD_LETTER_CAUSE,
                KafkaDeadLetterQueue.DEAD_LETTER_TOPIC,
                KafkaDeadLetterQueue.DEAD_LETTER_PARTITION,
                KafkaDeadLetterQueue.DEAD_LETTER_OFFSET));
    assertThat(DeadLetter.REASON).isEqualTo(KafkaDeadLetterQueue.DEAD_LETTER_REASON);
    assertThat(DeadLetter.TOPIC).isEqualTo(KafkaDeadLetterQueue.DEAD_LETTER_TOPIC);
    assertThat(DeadLetter.PARTITION).isEqualTo(KafkaDeadLetterQueue.DEAD_LETTER_PARTITION);
    assertThat(DeadLetter.OFFSET).isEqualTo(KafkaDeadLetterQueue.DEAD_LETTER_OFFSET);
  }
}
