package io.mailsync.fetcher.credentials;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * The key that seals credentials on the mailboxes topic ({@code mailsync.credentials.*}). The
 * sender reads the same settings to open them, so both services must be given the same key.
 */
@ConfigMapping(prefix = "mailsync.credentials")
public interface SealingConfig {

  /** Base64 of 32 random bytes. Required in production. */
  Optional<String> sealingKey();

  @WithDefault("transport-1")
  String sealingKeyId();
}
