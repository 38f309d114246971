package io.mailsync.kafka;

import io.smallrye.reactive.messaging.ClientCustomizer;
import io.smallrye.reactive.messaging.annotations.ConnectorAttribute;
import io.smallrye.reactive.messaging.kafka.KafkaConnector;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.eclipse.microprofile.config.Config;

/**
 * Gives each Kafka client of a service only the settings of its kind, so that the service's
 * connector defaults ({@code mp.messaging.connector.smallrye-kafka.*}) are written once instead of
 * per channel. Those defaults reach every channel, consumers and producers alike, and a consumer's
 * dead-letter producer inherits its consumer's settings, so Kafka reported at start-up each setting
 * a client does not use ("These configurations '[acks]' were supplied but are not used yet" on a
 * consumer, {@code failure-strategy} or {@code close-timeout} on a producer). Settings neither
 * Kafka nor the connector knows are left alone, so a misspelt one is still reported.
 */
@ApplicationScoped
public class KafkaClientConfigs implements ClientCustomizer<Map<String, Object>> {

  /** Consumer configs and connector attributes that are no producer config. */
  private static final Set<String> NOT_FOR_PRODUCERS =
      foreign(ConsumerConfig.configNames(), ProducerConfig.configNames());

  /** Producer configs and connector attributes that are no consumer config. */
  private static final Set<String> NOT_FOR_CONSUMERS =
      foreign(ProducerConfig.configNames(), ConsumerConfig.configNames());

  @Override
  public Map<String, Object> customize(
      String channel, Config channelConfig, Map<String, Object> config) {
    if (isProducer(config)) {
      config.keySet().removeAll(NOT_FOR_PRODUCERS);
    } else if (isConsumer(config)) {
      config.keySet().removeAll(NOT_FOR_CONSUMERS);
    }
    return config;
  }

  /**
   * The connector always sets a producer's key serializer and a consumer's key deserializer, and
   * removes the other one from each.
   */
  private static boolean isProducer(Map<String, Object> config) {
    return config.containsKey(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG)
        && !config.containsKey(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG);
  }

  private static boolean isConsumer(Map<String, Object> config) {
    return config.containsKey(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG)
        && !config.containsKey(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG);
  }

  /**
   * The other kind's configs and every connector attribute (the connector's own settings, such as
   * {@code failure-strategy} or {@code close-timeout}, which it leaves in a client's map), less
   * what the client itself knows.
   */
  private static Set<String> foreign(Set<String> otherClientConfigs, Set<String> clientConfigs) {
    Set<String> names = new HashSet<>(otherClientConfigs);
    Arrays.stream(KafkaConnector.class.getAnnotationsByType(ConnectorAttribute.class))
        .map(ConnectorAttribute::name)
        .forEach(names::add);
    names.removeAll(clientConfigs);
    return Set.copyOf(names);
  }
}
