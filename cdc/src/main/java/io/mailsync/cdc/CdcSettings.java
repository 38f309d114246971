package io.mailsync.cdc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The cdc process's settings: {@code connector.properties} (shared with Kafka Connect), then engine
 * defaults, then overrides from {@code MAILSYNC_CDC_*} environment variables ({@code
 * MAILSYNC_CDC_DATABASE_HOSTNAME} → {@code database.hostname}), then {@code key=value} arguments.
 */
public final class CdcSettings {

  /** Where the Kafka broker is; not a Debezium setting, used by our producer. */
  private static final String KAFKA_BOOTSTRAP = "kafka.bootstrap.servers";

  /** Directory for the engine's offsets file. */
  private static final String DATA_DIRECTORY = "mailsync.cdc.data.dir";

  private static final String ENV_PREFIX = "MAILSYNC_CDC_";

  /** The Kafka Connect converter settings; each names a class. */
  private static final List<String> CONVERTERS =
      List.of("key.converter", "value.converter", "header.converter");

  private final Properties properties;

  private CdcSettings(Properties properties) {
    this.properties = properties;
  }

  public static CdcSettings load(Map<String, String> environment, String... args) {
    Properties props = new Properties();
    try (InputStream in = CdcSettings.class.getResourceAsStream("/connector.properties")) {
      props.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("connector.properties unreadable", e);
    }
    props.setProperty("name", "mailsync-directory");
    props.setProperty(KAFKA_BOOTSTRAP, "127.0.0.1:9092");
    props.setProperty(DATA_DIRECTORY, "target/cdc");
    props.setProperty("offset.storage", "org.apache.kafka.connect.storage.FileOffsetBackingStore");
    props.setProperty("offset.flush.interval.ms", "1000");
    environment.forEach(
        (name, value) -> {
          if (name.startsWith(ENV_PREFIX)) {
            props.setProperty(toKey(name.substring(ENV_PREFIX.length())), value);
          }
        });
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("expected key=value, got: " + arg);
      }
      props.setProperty(arg.substring(0, eq), arg.substring(eq + 1));
    }
    Path dataDir = Path.of(props.getProperty(DATA_DIRECTORY));
    props.putIfAbsent("offset.storage.file.filename", dataDir.resolve("offsets.dat").toString());
    return new CdcSettings(props);
  }

  private static String toKey(String envSuffix) {
    return envSuffix.toLowerCase(Locale.ROOT).replace('_', '.');
  }

  public String kafkaBootstrapServers() {
    return properties.getProperty(KAFKA_BOOTSTRAP);
  }

  public Path offsetsFile() {
    return Path.of(properties.getProperty("offset.storage.file.filename"));
  }

  public String get(String key) {
    return properties.getProperty(key);
  }

  /**
   * What the Debezium engine gets: everything but our own keys, with each converter class also
   * under the name the engine reads it from. Kafka Connect takes a converter's class from {@code
   * key.converter} and its settings from {@code key.converter.*}; the embedded engine, asked for
   * converters the configuration provides, reads the class from {@code key.converter.class}.
   */
  public Properties engineProperties() {
    Properties engine = new Properties();
    properties.forEach(
        (key, value) -> {
          if (!KAFKA_BOOTSTRAP.equals(key) && !DATA_DIRECTORY.equals(key)) {
            engine.put(key, value);
          }
        });
    for (String converter : CONVERTERS) {
      String type = properties.getProperty(converter);
      if (type == null || type.isBlank()) {
        throw new IllegalStateException(
            converter + " is not set: connector.properties names every converter");
      }
      engine.setProperty(converter + ".class", type);
    }
    return engine;
  }

  void createDataDirectory() {
    try {
      Path parent = offsetsFile().toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the cdc data directory", e);
    }
  }

  /** The settings for logs: passwords masked. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    properties.stringPropertyNames().stream()
        .sorted()
        .forEach(
            key ->
                out.append(key)
                    .append('=')
                    .append(key.contains("password") ? "****" : properties.getProperty(key))
                    .append('\n'));
    return out.toString();
  }
}
