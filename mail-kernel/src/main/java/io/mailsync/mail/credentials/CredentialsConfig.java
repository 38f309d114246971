package io.mailsync.mail.credentials;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;
import java.util.Optional;

/**
 * The transport key ring ({@code mailsync.credentials.*}): the key that seals mailbox credentials
 * on the mailboxes topic (the fetcher) and the keys that open them (the fetcher and the sender).
 * Both services read these same settings, so they must be given the same keys.
 */
@ConfigMapping(prefix = "mailsync.credentials")
public interface CredentialsConfig {

  /** Base64 of 32 random bytes ({@code openssl rand -base64 32}). Required in production. */
  Optional<String> sealingKey();

  /**
   * Id of {@link #sealingKey()} (lower-case letters and digits), written beside every sealed secret
   * so that keys can rotate.
   */
  @WithDefault("transport1")
  String sealingKeyId();

  /**
   * Earlier keys by id ({@code mailsync.credentials.previous-sealing-keys.<id>}) that still open
   * what they sealed, while records sealed with them are re-sealed with the current key.
   */
  Map<String, String> previousSealingKeys();
}
