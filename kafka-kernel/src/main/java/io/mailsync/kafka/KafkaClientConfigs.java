package io.mailsync.kafka;

import io.smallrye.reactive.messaging.ClientCustomizer;
import io.smallrye.reactive.messaging.annotations.ConnectorAttribute;
import io.smallrye.reactive.messaging.annotations.ConnectorAttribute.Direction;
import io.smallrye.reactive.messaging.kafka.KafkaConnector;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.eclipse.microprofile.config.Config;

/**
 * Gives each Kafka client of a service only the settings of its kind, so that the service's
 * connector defaults ({@code mp.messaging.connector.smallrye-kafka.*}) are written once instead of
 * per channel. Those defaults reach every channel, consumers and producers alike, and a consumer's
 * dead-letter producer inherits its consumer's settings; Kafka would then warn at start-up about
 * each setting of the other kind ("was supplied but isn't a known config": {@code acks} on a
 * consumer, {@code failure-strategy} on a producer). Settings neither kind knows are left alone, so
 * a misspelt one is still reported.
 */
@ApplicationScoped
public class KafkaClientConfigs implements ClientCustomizer<Map<String, Object>> {

  /** Known to consumers or to the connector's incoming side, and unknown to producers. */
  static final Set<String> CONSUMER_ONLY =
      onlyIn(ConsumerConfig.configNames(), Direction.INCOMING, ProducerConfig.configNames());

  /** Known to producers or to the connector's outgoing side, and unknown to consumers. */
  static final Set<String> PRODUCER_ONLY =
      onlyIn(ProducerConfig.configNames(), Direction.OUTGOING, ConsumerConfig.configNames());

  @Override
  public Map<String, Object> customize(
      String channel, Config channelConfig, Map<String, Object> config) {
    if (isProducer(config)) {
      config.keySet().removeAll(CONSUMER_ONLY);
    } else if (isConsumer(config)) {
      config.keySet().removeAll(PRODUCER_ONLY);
    }
    return config;
  }

  /**
   * The connector always sets a producer's key serializer and a consumer's key deserializer, and
   * removes the other one from each.
   */
  static boolean isProducer(Map<String, Object> config) {
    return config.containsKey(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG)
        && !config.containsKey(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG);
  }

  static boolean isConsumer(Map<String, Object> config) {
    return config.containsKey(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG)
        && !config.containsKey(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG);
  }

  private static Set<String> onlyIn(
      Set<String> clientConfigs, Direction direction, Set<String> otherClientConfigs) {
    Set<String> names = new HashSet<>(clientConfigs);
    names.addAll(
        Arrays.stream(KafkaConnector.class.getAnnotationsByType(ConnectorAttribute.class))
            .filter(attribute -> attribute.direction() == direction)
            .map(ConnectorAttribute::name)
            .collect(Collectors.toSet()));
    names.removeAll(otherClientConfigs);
    return Set.copyOf(names);
  }
}
