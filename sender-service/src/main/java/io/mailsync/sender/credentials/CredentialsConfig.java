package io.mailsync.sender.credentials;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/**
 * The key that opens mailbox credentials sealed on the mailboxes topic. No default: production must
 * supply it (dev and test profiles set a fixed, public development key).
 */
@ConfigMapping(prefix = "mailsync.credentials")
public interface CredentialsConfig {

  /** Base64 of 32 random bytes (e.g. {@code openssl rand -base64 32}). */
  Optional<String> sealingKey();

  /** Identifies the key in sealed credentials so that keys can rotate. */
  Optional<String> sealingKeyId();
}
