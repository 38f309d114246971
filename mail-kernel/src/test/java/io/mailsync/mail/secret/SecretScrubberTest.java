package io.mailsync.mail.secret;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretScrubberTest {

  @Test
  void masksEverySecretEverywhere() {
    assertThat(SecretScrubber.scrub("NO [AUTH] bad pw hunter2 for hunter2", "hunter2", null))
        .isEqualTo("NO [AUTH] bad pw *** for ***");
  }

  @Test
  void masksSecretsWithWhitespaceInThem() {
    assertThat(SecretScrubber.scrub("bad password pass\tword  1 here", "pass\tword  1"))
        .isEqualTo("bad password *** here");
  }

  @Test
  void leavesShortSecretsAndFlattensLines() {
    assertThat(SecretScrubber.scrub("a\r\nb  c", "ab")).isEqualTo("a b c");
    assertThat(SecretScrubber.scrub(null)).isEmpty();
  }

  @Test
  void cutsLongTexts() {
    String cut = SecretScrubber.scrub("x".repeat(2000));
    assertThat(cut).hasSize(SecretScrubber.MAX_LENGTH).endsWith("...");
  }
}
