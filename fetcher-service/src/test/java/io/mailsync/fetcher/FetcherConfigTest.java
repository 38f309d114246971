package io.mailsync.fetcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FetcherConfigTest {

  /**
   * The sync's {@code @Scheduled(every = "${mailsync.fetcher.poll-interval}")} has no default of
   * its own: it relies on the mapping's, which the configuration gives as the property's value.
   */
  @Test
  void thePollIntervalDefaultIsThePropertysValue() {
    SmallRyeConfig config =
        new SmallRyeConfigBuilder()
            .withConverter(Duration.class, 200, new DurationConverter())
            .withMapping(FetcherConfig.class)
            .build();

    assertThat(config.getValue("mailsync.fetcher.poll-interval", String.class)).isEqualTo("30s");
    assertThat(config.getConfigMapping(FetcherConfig.class).pollInterval())
        .isEqualTo(Duration.ofSeconds(30));
  }
}
