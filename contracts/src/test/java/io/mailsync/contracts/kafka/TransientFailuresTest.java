package io.mailsync.contracts.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.mutiny.Uni;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TransientFailuresTest {

  @Test
  void outageIsRetriedUntilItPasses() {
    AtomicInteger attempts = new AtomicInteger();
    Uni<String> flaky =
        Uni.createFrom()
            .item(
                () -> {
                  if (attempts.incrementAndGet() < 3) {
                    throw new IllegalStateException("connection refused");
                  }
                  return "stored";
                });

    assertThat(TransientFailures.retried(flaky).await().indefinitely()).isEqualTo("stored");
    assertThat(attempts).hasValue(3);
  }

  @Test
  void badInputFailsAtOnce() {
    AtomicInteger attempts = new AtomicInteger();
    Uni<String> poison =
        Uni.createFrom()
            .item(
                () -> {
                  attempts.incrementAndGet();
                  throw new PoisonRecord("not a link decision");
                });

    assertThatThrownBy(() -> TransientFailures.retried(poison).await().indefinitely())
        .isInstanceOf(PoisonRecord.class);
    assertThat(attempts).hasValue(1);
  }

  @Test
  void anIllegalArgumentFromABugIsNotMistakenForPoison() {
    assertThat(TransientFailures.isTransient(new IllegalArgumentException("a bug"))).isTrue();
    assertThat(TransientFailures.isTransient(new PoisonRecord("bad input"))).isFalse();
  }
}
