package io.mailsync.e2e;

import io.mailsync.contracts.TopicDeclaration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders the files outside Java that create Mailsync's topics from their declarations ({@code
 * io.mailsync.contracts.Topics}): the script docker-compose's topic-init service runs and the
 * Strimzi {@code KafkaTopic} resources of {@code deploy/}. {@link TopicFilesTest} compares the
 * checked-in files with these renderings, and rewrites them on request.
 */
final class TopicFiles {

  static final String SCRIPT = "deploy/kafka/create-topics.sh";
  static final String STRIMZI = "deploy/kafka/topics.yaml";

  /** Replication in a Kubernetes cluster: three brokers, so one can be down during a write. */
  static final int CLUSTER_REPLICAS = 3;

  static final int CLUSTER_MIN_IN_SYNC_REPLICAS = 2;

  private static final String GENERATED =
      """
      # Generated from io.mailsync.contracts.Topics, the one place topics are declared: edit the
      # declarations, then rewrite this file with
      #   ./mvnw -o verify -pl e2e -am -DskipITs -Dtest=TopicFilesTest \\
      #     -Dsurefire.failIfNoSpecifiedTests=false -Dmailsync.write-topic-files=true
      # (e2e TopicFilesTest fails while the two disagree).
      """;

  /** The POSIX shell script that creates every declared topic missing on a broker. */
  static String script(List<TopicDeclaration> declarations) {
    String creates =
        declarations.stream().map(TopicFiles::createLine).collect(Collectors.joining("\n"));
    return """
        #!/bin/sh
        # Creates every Mailsync topic with its declared partitions, cleanup policy and retention:
        # docker-compose's one-shot topic-init service runs it, since brokers never auto-create
        # topics. Topics that exist already are left as they are.
        """
        + GENERATED
        + """
        #
        # KAFKA_BOOTSTRAP_SERVERS (default kafka:9092), KAFKA_TOPICS (the kafka-topics.sh to run,
        # default /opt/kafka/bin/kafka-topics.sh) and REPLICATION_FACTOR (default 1) adapt it.
        set -eu
        bootstrap="${KAFKA_BOOTSTRAP_SERVERS:-kafka:9092}"
        kafka_topics="${KAFKA_TOPICS:-/opt/kafka/bin/kafka-topics.sh}"
        replication="${REPLICATION_FACTOR:-1}"

        # create NAME PARTITIONS [--config KEY=VALUE]...
        create() {
          name=$1
          partitions=$2
          shift 2
          "$kafka_topics" --bootstrap-server "$bootstrap" --create --if-not-exists \\
            --topic "$name" --partitions "$partitions" --replication-factor "$replication" "$@"
          echo "topic $name ready"
        }

        """
        + creates
        + "\n";
  }

  /** Strimzi {@code KafkaTopic} resources, one per declared topic. */
  static String strimzi(List<TopicDeclaration> declarations) {
    String resources =
        declarations.stream().map(TopicFiles::kafkaTopic).collect(Collectors.joining("---\n"));
    return """
        # Strimzi KafkaTopic resources for every Mailsync topic, for the Topic Operator of the Kafka
        # cluster labelled below; replication is this deployment's choice, the rest is declared.
        """
        + GENERATED
        + resources;
  }

  private static String createLine(TopicDeclaration declared) {
    String configs =
        declared.configs().entrySet().stream()
            .map(e -> " --config " + e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining());
    return "create " + declared.name() + " " + declared.partitions() + configs;
  }

  private static String kafkaTopic(TopicDeclaration declared) {
    StringBuilder yaml =
        new StringBuilder()
            .append("apiVersion: kafka.strimzi.io/v1beta2\n")
            .append("kind: KafkaTopic\n")
            .append("metadata:\n")
            .append("  name: ")
            .append(resourceName(declared.name()))
            .append('\n')
            .append("  labels:\n")
            .append("    strimzi.io/cluster: mailsync\n")
            .append("spec:\n")
            .append("  topicName: ")
            .append(declared.name())
            .append('\n')
            .append("  partitions: ")
            .append(declared.partitions())
            .append('\n')
            .append("  replicas: ")
            .append(CLUSTER_REPLICAS)
            .append('\n')
            .append("  config:\n");
    for (Map.Entry<String, String> config : declared.configs().entrySet()) {
      yaml.append("    ")
          .append(config.getKey())
          .append(": ")
          .append(config.getValue())
          .append('\n');
    }
    yaml.append("    min.insync.replicas: ").append(CLUSTER_MIN_IN_SYNC_REPLICAS).append('\n');
    return yaml.toString();
  }

  /** Kubernetes names allow lower-case letters, digits, '-' and '.'; topics may also hold '_'. */
  static String resourceName(String topic) {
    return topic.replace('_', '-');
  }

  private TopicFiles() {}
}
