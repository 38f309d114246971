package io.mailsync.testkit.kafka;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points a {@code @QuarkusTest} at the test JVM's real Kafka broker, with every Mailsync topic
 * declared in {@code io.mailsync.contracts.Topics} created. Use with
 * {@code @WithTestResource(KafkaResource.class)}; Dev Services stay off.
 */
public class KafkaResource implements QuarkusTestResourceLifecycleManager {

  @Override
  public Map<String, String> start() {
    KafkaBroker broker = KafkaBroker.shared();
    broker.createMailsyncTopics();
    return Map.of(
        "kafka.bootstrap.servers",
        broker.bootstrapServers(),
        "quarkus.kafka.devservices.enabled",
        "false");
  }

  @Override
  public void stop() {
    // The broker is shared by every test class of this JVM; a shutdown hook stops it.
  }
}
