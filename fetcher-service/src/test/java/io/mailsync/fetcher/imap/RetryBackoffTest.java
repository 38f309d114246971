package io.mailsync.fetcher.imap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class RetryBackoffTest {

  private static final Duration INITIAL = Duration.ofSeconds(15);
  private static final Duration MAX = Duration.ofMinutes(30);

  /** Always takes the whole random half off, or none of it. */
  private static RandomGenerator fixed(boolean takeAllOff) {
    return new RandomGenerator() {
      @Override
      public long nextLong() {
        return 0;
      }

      @Override
      public long nextLong(long bound) {
        return takeAllOff ? 0 : bound - 1;
      }
    };
  }

  @Test
  void doublesPerFailureInARowUpToTheCap() {
    RetryBackoff longest = new RetryBackoff(INITIAL, MAX, fixed(false));
    assertThat(longest.after(1)).isEqualTo(Duration.ofSeconds(15));
    assertThat(longest.after(2)).isEqualTo(Duration.ofSeconds(30));
    assertThat(longest.after(3)).isEqualTo(Duration.ofSeconds(60));
    assertThat(longest.after(7)).isEqualTo(Duration.ofSeconds(960));
    assertThat(longest.after(8)).isEqualTo(MAX);
    assertThat(longest.after(1_000)).isEqualTo(MAX);
  }

  @Test
  void jitterTakesOffAtMostHalf() {
    RetryBackoff shortest = new RetryBackoff(INITIAL, MAX, fixed(true));
    assertThat(shortest.after(1)).isEqualTo(Duration.ofMillis(7_500));
    assertThat(shortest.after(100)).isEqualTo(MAX.dividedBy(2));

    RetryBackoff random = new RetryBackoff(INITIAL, MAX, new SplittableRandom(7));
    for (int failures = 1; failures < 40; failures++) {
      Duration full = failures >= 8 ? MAX : INITIAL.multipliedBy(1L << (failures - 1));
      assertThat(random.after(failures)).isBetween(full.dividedBy(2), full);
    }
  }

  @Test
  void spreadsMailboxesThatFailedTogether() {
    RetryBackoff backoff = new RetryBackoff(INITIAL, MAX, new SplittableRandom(1));
    long distinct =
        java.util.stream.IntStream.range(0, 100).mapToObj(i -> backoff.after(5)).distinct().count();
    assertThat(distinct).isGreaterThan(90);
  }

  @Test
  void refusesASettingWithoutAWait() {
    assertThatThrownBy(() -> new RetryBackoff(Duration.ZERO, MAX, new SplittableRandom()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RetryBackoff(MAX, INITIAL, new SplittableRandom()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
