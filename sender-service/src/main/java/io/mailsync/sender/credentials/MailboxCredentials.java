package io.mailsync.sender.credentials;

import io.mailsync.contracts.mailbox.CredentialSeal;
import io.mailsync.contracts.mailbox.SealedCredentials;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Opens a mailbox's sealed password at the moment it is needed. Created at start-up so that a
 * missing or malformed key stops the service with a clear message instead of failing every send.
 */
@Startup
@ApplicationScoped
public class MailboxCredentials {

  private final CredentialSeal seal;

  public MailboxCredentials(CredentialsConfig config) {
    this.seal = sealFrom(config);
  }

  static CredentialSeal sealFrom(CredentialsConfig config) {
    String key = config.sealingKey().filter(k -> !k.isBlank()).orElse(null);
    String keyId = config.sealingKeyId().filter(k -> !k.isBlank()).orElse(null);
    if (key == null || keyId == null) {
      throw new IllegalStateException(
          "mailsync.credentials.sealing-key and mailsync.credentials.sealing-key-id must be set"
              + " (environment MAILSYNC_CREDENTIALS_SEALING_KEY, base64 of 32 random bytes, and"
              + " MAILSYNC_CREDENTIALS_SEALING_KEY_ID) to the key the fetcher seals credentials"
              + " with");
    }
    try {
      return CredentialSeal.fromBase64(keyId, key);
    } catch (IllegalArgumentException e) {
      // The message names the key id and what is wrong, never the key itself.
      throw new IllegalStateException("mailsync.credentials.sealing-key: " + e.getMessage());
    }
  }

  /**
   * @throws CredentialsUnavailable when the secret was sealed with another key or for another
   *     mailbox, or was tampered with
   */
  public String open(String tenantId, String mailboxId, SealedCredentials sealed) {
    if (sealed == null || sealed.ciphertext() == null) {
      throw new CredentialsUnavailable("mailbox " + mailboxId + " has no credentials");
    }
    try {
      return seal.open(sealed, tenantId + "/" + mailboxId);
    } catch (IllegalArgumentException e) {
      throw new CredentialsUnavailable(
          "credentials of mailbox " + mailboxId + " cannot be opened: " + e.getMessage());
    }
  }

  public String keyId() {
    return seal.keyId();
  }

  /** The credentials cannot be opened here; the message never contains the secret. */
  public static final class CredentialsUnavailable extends RuntimeException {
    public CredentialsUnavailable(String message) {
      super(message, null, false, false);
    }
  }
}
