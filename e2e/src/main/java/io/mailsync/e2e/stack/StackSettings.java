package io.mailsync.e2e.stack;

import io.mailsync.testkit.postgres.TestDatabase;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Where a stack's services find their infrastructure and how they are set up.
 *
 * @param root the repository root (jars are taken from its modules' target directories)
 * @param workDir logs, the JWT public key and cdc offsets of this run
 * @param ports HTTP ports of timeline, fetcher, linker and sender
 * @param slotName the cdc replication slot (slots are per PostgreSQL cluster, so runs sharing a
 *     server need distinct names)
 */
public record StackSettings(
    Path root,
    Path workDir,
    String kafkaBootstrapServers,
    TestDatabase database,
    String jwtPublicKeyBase64,
    ServicePorts ports,
    String slotName,
    String sealingKey,
    String atRestKey,
    String fetcherPollInterval) {

  public record ServicePorts(int timeline, int fetcher, int linker, int sender) {}

  /** A fresh AES-256 key, base64. */
  public static String randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }

  public String timelineUrl() {
    return "http://127.0.0.1:" + ports.timeline();
  }

  public String fetcherUrl() {
    return "http://127.0.0.1:" + ports.fetcher();
  }
}
