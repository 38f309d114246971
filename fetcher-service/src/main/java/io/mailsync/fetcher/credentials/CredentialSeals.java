package io.mailsync.fetcher.credentials;

import io.mailsync.contracts.mailbox.SealedCredentials;
import io.mailsync.fetcher.FetcherConfig;
import io.mailsync.fetcher.mailbox.Mailbox;
import io.mailsync.mail.credentials.KeyRing;
import io.mailsync.mail.credentials.TransportCredentials;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The two key rings a mailbox password meets: the at-rest ring (database, bound to
 * "tenant/mailbox") and the transport ring (the mailboxes topic, bound to the mailbox and its
 * servers). Built at start-up so a missing or malformed key stops the service with a clear message
 * instead of failing on the first registration.
 */
@Startup
@ApplicationScoped
public class CredentialSeals {

  static final String AT_REST_KEY_PROPERTY = "mailsync.fetcher.credentials.at-rest-key";

  private final KeyRing atRest;
  private final TransportCredentials transport;

  @Inject
  public CredentialSeals(FetcherConfig fetcher, TransportCredentials transport) {
    this(
        KeyRing.load(
            fetcher.credentials().atRestKeyId(),
            fetcher.credentials().atRestKey(),
            fetcher.credentials().previousAtRestKeys(),
            AT_REST_KEY_PROPERTY,
            "mailsync.fetcher.credentials.previous-at-rest-keys"),
        transport);
  }

  public CredentialSeals(KeyRing atRest, TransportCredentials transport) {
    this.atRest = atRest;
    this.transport = transport;
  }

  /** What a password sealed at rest is bound to. */
  private static String owner(String tenantId, String mailboxId) {
    return tenantId + "/" + mailboxId;
  }

  public SealedCredentials sealAtRest(String password, String tenantId, String mailboxId) {
    return atRest.seal(password, owner(tenantId, mailboxId));
  }

  /**
   * @throws IllegalArgumentException when the stored ciphertext opens with none of the configured
   *     keys (another key, another owner, or tampered)
   */
  public String openAtRest(SealedCredentials sealed, String tenantId, String mailboxId) {
    return atRest.open(sealed, owner(tenantId, mailboxId));
  }

  /** Whether a stored password is sealed with a previous at-rest key and should be re-sealed. */
  public boolean needsResealing(SealedCredentials sealed) {
    return !atRest.isCurrent(sealed);
  }

  /** The key id new at-rest seals carry. */
  public String atRestKeyId() {
    return atRest.sealingKeyId();
  }

  /** The key id new transport seals carry. */
  public String transportKeyId() {
    return transport.sealingKeyId();
  }

  /** Seals a password for the mailboxes topic, bound to the mailbox and its servers. */
  public SealedCredentials sealForTransport(String password, Mailbox mailbox) {
    return transport.seal(
        password,
        new TransportCredentials.Binding(
            mailbox.tenantId,
            mailbox.id.toString(),
            mailbox.username,
            mailbox.imap(),
            mailbox.smtp()));
  }
}
