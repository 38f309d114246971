package io.mailsync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.contracts.TopicDeclaration;
import io.mailsync.contracts.Topics;
import io.mailsync.testkit.kafka.KafkaBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs docker-compose's topic-init script ({@code deploy/kafka/create-topics.sh}) as compose would,
 * with Kafka's own kafka-topics tool, against a broker that creates no topic by itself: it creates
 * every declared topic with its partitions and configs, and passes over those that exist.
 */
class TopicInitScriptIT {

  private static final Path ROOT =
      Path.of(System.getProperty("mailsync.root", "..")).toAbsolutePath().normalize();

  @TempDir Path dir;

  @Test
  void createsEveryDeclaredTopicThatIsMissing() throws Exception {
    KafkaBroker broker = KafkaBroker.start();
    try {
      // as on a second `docker compose up`: one topic is there already
      broker.createTopics(List.of(Topics.Declared.MESSAGES));

      assertThat(runScript(broker, kafkaTopicsTool())).isZero();

      try (Admin admin = broker.admin()) {
        assertThat(admin.listTopics().names().get())
            .containsAll(Topics.declarations().stream().map(TopicDeclaration::name).toList());
        for (TopicDeclaration declared : Topics.declarations()) {
          assertCreatedAsDeclared(admin, declared);
        }
      }
    } finally {
      broker.stop();
    }
  }

  private static void assertCreatedAsDeclared(Admin admin, TopicDeclaration declared)
      throws Exception {
    String topic = declared.name();
    int partitions =
        admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
    assertThat(partitions).as("%s partitions", topic).isEqualTo(declared.partitions());
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
    for (Map.Entry<String, String> expected : declared.configs().entrySet()) {
      assertThat(config.get(expected.getKey()).value())
          .as("%s %s", topic, expected.getKey())
          .isEqualTo(expected.getValue());
    }
  }

  /** A kafka-topics.sh that runs Kafka's TopicCommand from the test broker's jars. */
  private Path kafkaTopicsTool() throws Exception {
    String command =
        KafkaBroker.toolCommand("org.apache.kafka.tools.TopicCommand").stream()
            .map(arg -> "'" + arg.replace("'", "'\\''") + "'")
            .collect(Collectors.joining(" "));
    Path tool = dir.resolve("kafka-topics.sh");
    Files.writeString(tool, "#!/bin/sh\nexec " + command + " \"$@\"\n");
    Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwx------"));
    return tool;
  }

  private int runScript(KafkaBroker broker, Path kafkaTopics) throws Exception {
    Path log = dir.resolve("create-topics.log");
    ProcessBuilder builder =
        new ProcessBuilder("sh", ROOT.resolve(TopicFiles.SCRIPT).toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
    builder.environment().put("KAFKA_TOPICS", kafkaTopics.toString());
    Process process = builder.start();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("create-topics.sh hung; see " + log);
    }
    if (process.exitValue() != 0) {
      System.err.println(Files.readString(log));
    }
    return process.exitValue();
  }
}
