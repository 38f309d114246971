package io.mailsync.fetcher.credentials;

import io.mailsync.contracts.mailbox.CredentialSeal;
import io.mailsync.contracts.mailbox.SealedCredentials;
import io.mailsync.fetcher.FetcherConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * The two keys a mailbox password meets: the at-rest key (database) and the transport key (the
 * mailboxes topic). Both are bound to "tenant/mailbox", so a ciphertext copied to another mailbox
 * does not open. Built at start-up so a missing or malformed key stops the service with a clear
 * message instead of failing on the first registration.
 */
@Startup
@ApplicationScoped
public class CredentialSeals {

  private final CredentialSeal atRest;
  private final CredentialSeal transport;

  @Inject
  public CredentialSeals(FetcherConfig fetcher, SealingConfig sealing) {
    this.atRest =
        seal(
            fetcher.credentials().atRestKeyId(),
            fetcher.credentials().atRestKey(),
            "mailsync.fetcher.credentials.at-rest-key",
            "MAILSYNC_FETCHER_CREDENTIALS_AT_REST_KEY");
    this.transport =
        seal(
            sealing.sealingKeyId(),
            sealing.sealingKey(),
            "mailsync.credentials.sealing-key",
            "MAILSYNC_CREDENTIALS_SEALING_KEY");
  }

  public CredentialSeals(CredentialSeal atRest, CredentialSeal transport) {
    this.atRest = atRest;
    this.transport = transport;
  }

  /** What a sealed password is bound to. */
  public static String owner(String tenantId, String mailboxId) {
    return tenantId + "/" + mailboxId;
  }

  public SealedCredentials sealAtRest(String password, String tenantId, String mailboxId) {
    return atRest.seal(password, owner(tenantId, mailboxId));
  }

  /**
   * @throws IllegalArgumentException when the stored ciphertext does not open with the configured
   *     key (another key, another owner, or tampered)
   */
  public String openAtRest(SealedCredentials sealed, String tenantId, String mailboxId) {
    return atRest.open(sealed, owner(tenantId, mailboxId));
  }

  /** Re-seals a password for the mailboxes topic. */
  public SealedCredentials sealForTransport(String password, String tenantId, String mailboxId) {
    return transport.seal(password, owner(tenantId, mailboxId));
  }

  private static CredentialSeal seal(
      String keyId, Optional<String> key, String property, String variable) {
    if (key.isEmpty() || key.get().isBlank()) {
      throw new IllegalStateException(
          property
              + " is not set: give it base64 of 32 random bytes (e.g. `openssl rand -base64 32`),"
              + " for example through the environment variable "
              + variable);
    }
    try {
      return CredentialSeal.fromBase64(keyId, key.get());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(property + " is unusable: " + e.getMessage());
    }
  }
}
