package io.mailsync.contracts;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How one topic is created wherever Mailsync runs (tests, local runs, docker-compose, Kubernetes):
 * its name, partitions, cleanup policy and retention. Replication is the deployment's choice.
 *
 * @param partitions how many; fixed once consumers depend on key order, so chosen generously
 * @param retention for a {@link CleanupPolicy#DELETE deleting} topic how long a record is kept
 *     ({@code retention.ms}); for a {@link CleanupPolicy#COMPACT compacted} one how long a
 *     tombstone is kept ({@code delete.retention.ms}) — the latest value of every key is kept for
 *     good
 */
public record TopicDeclaration(
    String name, int partitions, CleanupPolicy cleanupPolicy, Duration retention) {

  /** Kafka's {@code cleanup.policy}. */
  public enum CleanupPolicy {
    /** Records are deleted once older than the retention. */
    DELETE("delete"),
    /** Only the latest record per key is kept; a null value (tombstone) removes the key. */
    COMPACT("compact");

    private final String config;

    CleanupPolicy(String config) {
      this.config = config;
    }

    /** The value of {@code cleanup.policy}. */
    public String config() {
      return config;
    }
  }

  public TopicDeclaration {
    Keys.requireText(name, "name");
    Objects.requireNonNull(cleanupPolicy, "cleanupPolicy");
    Objects.requireNonNull(retention, "retention");
    if (partitions < 1) {
      throw new IllegalArgumentException(name + ": partitions must be at least 1");
    }
    if (retention.isNegative() || retention.isZero()) {
      throw new IllegalArgumentException(name + ": retention must be positive");
    }
  }

  static TopicDeclaration deleting(String name, int partitions, Duration retention) {
    return new TopicDeclaration(name, partitions, CleanupPolicy.DELETE, retention);
  }

  static TopicDeclaration compacted(String name, int partitions, Duration tombstoneRetention) {
    return new TopicDeclaration(name, partitions, CleanupPolicy.COMPACT, tombstoneRetention);
  }

  public boolean compacted() {
    return cleanupPolicy == CleanupPolicy.COMPACT;
  }

  /** The topic-level configs to create it with, in a stable order. */
  public Map<String, String> configs() {
    Map<String, String> configs = new LinkedHashMap<>();
    configs.put("cleanup.policy", cleanupPolicy.config());
    String retentionKey = compacted() ? "delete.retention.ms" : "retention.ms";
    configs.put(retentionKey, Long.toString(retention.toMillis()));
    return Collections.unmodifiableMap(configs);
  }
}
