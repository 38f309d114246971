package io.mailsync.linker;

import io.mailsync.testkit.kafka.KafkaResource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The test JVM's real broker with every declared Mailsync topic (dead letters included), a fresh
 * Kafka Streams state directory (state left by an earlier run against another broker would not
 * match), and a short grace period so that unmatched decisions arrive within a test's wait.
 */
public class LinkerKafkaResource extends KafkaResource {

  private Path stateDir;

  @Override
  public Map<String, String> start() {
    Map<String, String> config = new HashMap<>(super.start());
    try {
      stateDir = Files.createTempDirectory("linker-streams-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    config.put("kafka-streams.state.dir", stateDir.toString());
    config.put("mailsync.linker.directory-grace", "3s");
    return config;
  }

  @Override
  public void stop() {
    super.stop();
    if (stateDir != null) {
      try (Stream<Path> files = Files.walk(stateDir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        // Only a temporary directory is left behind.
      }
    }
  }
}
