package io.mailsync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * docker-compose.yml can't run here (no Docker daemon), so this keeps it honest against the
 * services' own configuration: published ports, variables that name real settings, every secret a
 * service needs in production, and topics created from their declarations before anyone uses them.
 */
class DockerComposeTest {

  private static final Path ROOT =
      Path.of(System.getProperty("mailsync.root", "..")).toAbsolutePath().normalize();
  private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Z0-9_]+)");
  private static JsonNode services;

  @BeforeAll
  static void load() throws IOException {
    services =
        new ObjectMapper(new YAMLFactory())
            .readTree(ROOT.resolve("docker-compose.yml").toFile())
            .path("services");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"timeline-service", "fetcher-service", "linker-service", "sender-service"})
  void publishesTheServicesHttpPort(String service) throws IOException {
    String port = settings(service).getProperty("quarkus.http.port");

    assertThat(services.path(service).path("ports").get(0).asText()).isEqualTo(port + ":" + port);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"timeline-service", "fetcher-service", "linker-service", "sender-service"})
  void everyVariableNamesASettingOfTheService(String service) throws IOException {
    Properties settings = settings(service);
    Set<String> known = documentedSettings(service);
    for (String key : settings.stringPropertyNames()) {
      known.add(environmentName(key.replaceFirst("^%[a-z]+\\.", "")));
      Matcher reference = ENV_REFERENCE.matcher(settings.getProperty(key));
      while (reference.find()) {
        known.add(reference.group(1));
      }
    }

    for (String variable : variables(service)) {
      assertThat(known)
          .as("%s sets %s, which no setting of the service reads", service, variable)
          .contains(variable);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"timeline-service", "fetcher-service", "linker-service", "sender-service"})
  void providesEverySecretTheServiceNeedsInProduction(String service) throws IOException {
    Set<String> given = variables(service);
    for (String key : settings(service).stringPropertyNames()) {
      String plain = key.replaceFirst("^%[a-z]+\\.", "");
      if (plain.startsWith("mailsync.") && plain.endsWith("-key")) {
        assertThat(given)
            .as("%s needs %s", service, plain)
            .contains(environmentName(plain), environmentName(plain + "-id"));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"timeline-service", "fetcher-service", "sender-service"})
  void servicesWithADatabaseGetTheComposeDatabase(String service) throws IOException {
    Set<String> given = variables(service);

    assertThat(given).contains("QUARKUS_DATASOURCE_JDBC_URL", "KAFKA_BOOTSTRAP_SERVERS");
    // The reactive services also read through the reactive client; the fetcher is blocking.
    if (settings(service).containsKey("quarkus.datasource.reactive.url")) {
      assertThat(given).contains("QUARKUS_DATASOURCE_REACTIVE_URL");
    }
  }

  @Test
  void brokerCreatesNoTopicByItself() {
    assertThat(services.at("/kafka/environment/KAFKA_AUTO_CREATE_TOPICS_ENABLE").asText())
        .isEqualTo("false");
  }

  @Test
  void topicInitRunsTheGeneratedScriptOnceTheBrokerIsUp() {
    JsonNode init = services.path("topic-init");

    assertThat(init.path("image").asText())
        .isEqualTo(services.path("kafka").path("image").asText());
    assertThat(init.at("/depends_on/kafka/condition").asText()).isEqualTo("service_healthy");
    assertThat(init.path("volumes").get(0).asText())
        .isEqualTo("./" + TopicFiles.SCRIPT + ":/config/create-topics.sh:ro");
    assertThat(init.path("entrypoint").toString())
        .isEqualTo("[\"/bin/sh\",\"/config/create-topics.sh\"]");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "timeline-service",
        "fetcher-service",
        "linker-service",
        "sender-service",
        "connect"
      })
  void everyKafkaClientStartsOnceTheTopicsExist(String service) {
    assertThat(services.path(service).at("/depends_on/topic-init/condition").asText())
        .as("%s waits for topic-init", service)
        .isEqualTo("service_completed_successfully");
  }

  private static Set<String> variables(String service) {
    Set<String> names = new HashSet<>();
    Iterator<Map.Entry<String, JsonNode>> fields =
        services.path(service).path("environment").fields();
    fields.forEachRemaining(e -> names.add(e.getKey()));
    return names;
  }

  /**
   * Settings named in the service's README (typed settings with defaults need no line in the file).
   */
  private static Set<String> documentedSettings(String service) throws IOException {
    Set<String> names = new HashSet<>();
    Matcher setting =
        Pattern.compile("`((?:mailsync|quarkus|kafka|mp)\\.[a-z0-9.\\-]+)`")
            .matcher(Files.readString(ROOT.resolve(service).resolve("README.md")));
    while (setting.find()) {
      names.add(environmentName(setting.group(1)));
    }
    return names;
  }

  private static Properties settings(String service) throws IOException {
    Properties properties = new Properties();
    try (Reader in =
        Files.newBufferedReader(
            ROOT.resolve(service).resolve("src/main/resources/application.properties"))) {
      properties.load(in);
    }
    return properties;
  }

  /** How a setting is named as an environment variable (MicroProfile Config's rule). */
  static String environmentName(String key) {
    return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
  }
}
