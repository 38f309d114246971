package io.mailsync.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DeterministicIdsTest {

  @Test
  void theSamePartsGiveTheSameIdAndPartBoundariesCount() {
    assertThat(DeterministicIds.of("a", "bc", 1)).isEqualTo(DeterministicIds.of("a", "bc", 1));
    assertThat(DeterministicIds.of("a", "bc")).isNotEqualTo(DeterministicIds.of("ab", "c"));
    assertThat(DeterministicIds.of("a", "b"))
        .isEqualTo(UUID.nameUUIDFromBytes("a\u0000b".getBytes(StandardCharsets.UTF_8)).toString());
  }

  @Test
  void refusesPartsThatWouldBlurTheBoundaries() {
    assertThatThrownBy(() -> DeterministicIds.of("a\u0000b"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DeterministicIds.of("a", null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
