package io.mailsync.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.RepeatedTest;

class TimestampsTest {

  @RepeatedTest(20)
  void nowHasNoMoreThanMicrosecondsLikeTheDatabase() {
    Instant before = Instant.now().minusNanos(1_000);
    Instant now = Timestamps.now();

    assertThat(now.getNano() % 1_000).isZero();
    assertThat(now).isAfterOrEqualTo(before).isBeforeOrEqualTo(Instant.now());
  }
}
