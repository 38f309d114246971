package io.mailsync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.mailsync.contracts.TopicDeclaration;
import io.mailsync.contracts.Topics;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Keeps every place that names or creates topics in step with the declarations in {@code
 * io.mailsync.contracts.Topics}: the generated topic-init script and Strimzi resources, and the
 * topics the services and the cdc process are configured with.
 *
 * <p>Run with {@code -Dmailsync.write-topic-files=true} to rewrite the generated files.
 */
class TopicFilesTest {

  private static final Path ROOT =
      Path.of(System.getProperty("mailsync.root", "..")).toAbsolutePath().normalize();
  private static final boolean WRITE = Boolean.getBoolean("mailsync.write-topic-files");

  @Test
  void topicInitScriptIsGeneratedFromTheDeclarations() throws IOException {
    assertGenerated(TopicFiles.SCRIPT, TopicFiles.script(Topics.declarations()));
  }

  @Test
  void strimziTopicsAreGeneratedFromTheDeclarations() throws IOException {
    assertGenerated(TopicFiles.STRIMZI, TopicFiles.strimzi(Topics.declarations()));
  }

  @Test
  void strimziTopicsAreValidResourcesOfEveryDeclaredTopic() throws IOException {
    List<JsonNode> resources = new ArrayList<>();
    try (MappingIterator<JsonNode> documents =
        new ObjectMapper(new YAMLFactory())
            .readerFor(JsonNode.class)
            .readValues(ROOT.resolve(TopicFiles.STRIMZI).toFile())) {
      documents.forEachRemaining(resources::add);
    }

    assertThat(resources).hasSameSizeAs(Topics.declarations());
    for (TopicDeclaration declared : Topics.declarations()) {
      JsonNode resource =
          resources.stream()
              .filter(r -> r.at("/spec/topicName").asText().equals(declared.name()))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no KafkaTopic for " + declared.name()));
      assertThat(resource.path("kind").asText()).isEqualTo("KafkaTopic");
      assertThat(resource.at("/metadata/name").asText()).matches("[a-z0-9]([-a-z0-9.]*[a-z0-9])?");
      assertThat(resource.at("/spec/partitions").asInt()).isEqualTo(declared.partitions());
      declared
          .configs()
          .forEach(
              (key, value) ->
                  assertThat(resource.at("/spec/config").path(key).asText()).isEqualTo(value));
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"timeline-service", "fetcher-service", "linker-service", "sender-service"})
  void everyTopicAServiceIsConfiguredWithIsDeclared(String service) throws IOException {
    Properties settings =
        properties(ROOT.resolve(service + "/src/main/resources/application.properties"));
    Set<String> named = new TreeSet<>();
    for (String key : settings.stringPropertyNames()) {
      String value = settings.getProperty(key).strip();
      if (key.endsWith(".topic")) {
        named.add(value);
      } else if (key.equals("quarkus.kafka-streams.topics")) {
        named.addAll(List.of(value.split("\\s*,\\s*")));
      }
    }

    assertThat(named).as("topics %s is configured with", service).isNotEmpty();
    assertThat(named).allSatisfy(TopicFilesTest::assertDeclared);
  }

  @Test
  void everyTableTheCdcProcessCapturesHasADeclaredTopic() throws IOException {
    Properties connector = properties(ROOT.resolve("cdc/src/main/resources/connector.properties"));
    String prefix = connector.getProperty("topic.prefix");
    List<String> tables = List.of(connector.getProperty("table.include.list").split(","));

    Pattern outbox = Pattern.compile(connector.getProperty("predicates.outboxTable.pattern"));

    assertThat(tables).isNotEmpty();
    for (String table : tables) {
      // Debezium names a table's topic <topic.prefix>.<schema>.<table>; the outbox event router
      // sends an outbox table's rows on to the contract topics they name instead.
      String topic = prefix + "." + table.replace("\\.", ".");
      if (!outbox.matcher(topic).matches()) {
        assertDeclared(topic);
      }
    }
    assertThat(tables).contains("timeline\\.outbox");
    assertDeclared(connector.getProperty("topic.heartbeat.prefix") + "." + prefix);
  }

  @Test
  void readmeStatesHowLongMailBodiesStayOnTheMessagesTopic() throws IOException {
    String readme = Files.readString(ROOT.resolve("README.md")).replaceAll("\\s+", " ");

    assertThat(readme)
        .contains(
            "`"
                + Topics.MESSAGES
                + "` holds every fetched copy with its text and HTML body, unrelated mail included,"
                + " until its retention of "
                + Topics.Declared.MESSAGES.retention().toDays()
                + " days expires");
  }

  private static void assertDeclared(String topic) {
    assertThat(Topics.declaration(topic)).as("declaration of topic %s", topic).isPresent();
  }

  private static void assertGenerated(String file, String expected) throws IOException {
    Path path = ROOT.resolve(file);
    if (WRITE) {
      Files.createDirectories(path.getParent());
      Files.writeString(path, expected);
    }
    assertThat(Files.exists(path) ? Files.readString(path) : "")
        .as(
            "%s was not generated from the topic declarations; rewrite it with"
                + " -Dmailsync.write-topic-files=true",
            file)
        .isEqualTo(expected);
  }

  private static Properties properties(Path file) throws IOException {
    Properties properties = new Properties();
    try (Reader in = Files.newBufferedReader(file)) {
      properties.load(in);
    }
    return properties;
  }
}
