package io.mailsync.mail.credentials;

import io.mailsync.contracts.mailbox.MailServer;
import io.mailsync.contracts.mailbox.SealedCredentials;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;

/**
 * Seals and opens mailbox passwords on the mailboxes topic. The seal's associated data covers the
 * tenant, the mailbox, the username and the IMAP and SMTP servers — host, port, TLS mode and the
 * "trust any certificate" choice — so a record republished with another server, without TLS or
 * trusting any certificate (or copied to another mailbox) does not open: a password only ever goes
 * to the servers its owner configured, the way the owner configured them. The services that use it
 * create it at start-up, so a missing or malformed key stops them with a clear message instead of
 * failing on the first mailbox; services that never touch credentials never create it.
 */
@ApplicationScoped
public class TransportCredentials {

  private static final String SEALING_KEY_PROPERTY = "mailsync.credentials.sealing-key";

  private final KeyRing keys;

  @Inject
  public TransportCredentials(CredentialsConfig config) {
    this(
        KeyRing.load(
            config.sealingKeyId(),
            config.sealingKey(),
            config.previousSealingKeys(),
            SEALING_KEY_PROPERTY,
            "mailsync.credentials.previous-sealing-keys"));
  }

  public TransportCredentials(KeyRing keys) {
    this.keys = keys;
  }

  public SealedCredentials seal(String password, Binding binding) {
    return keys.seal(password, binding.associatedData());
  }

  /**
   * @throws IllegalArgumentException when the secret does not open: another key, another mailbox or
   *     server, or tampered
   */
  public String open(SealedCredentials sealed, Binding binding) {
    return keys.open(sealed, binding.associatedData());
  }

  public String sealingKeyId() {
    return keys.sealingKeyId();
  }

  /** What a password on the mailboxes topic is bound to. */
  public record Binding(
      String tenantId, String mailboxId, String username, MailServer imap, MailServer smtp) {

    /** Length-prefixed fields, so no value (a username with a line break, say) can pass for two. */
    private String associatedData() {
      StringBuilder data = new StringBuilder("mailsync-transport-v1");
      for (String field :
          new String[] {
            tenantId, mailboxId, username == null ? "" : username, endpoint(imap), endpoint(smtp)
          }) {
        data.append('|').append(field.length()).append(':').append(field);
      }
      return data.toString();
    }

    private static String endpoint(MailServer server) {
      if (server == null) {
        return "-";
      }
      MailServer.Security security = server.security();
      return server.host().strip().toLowerCase(Locale.ROOT)
          + ":"
          + server.port()
          + ":"
          + security
          + ":"
          + (server.trustAnyCertificate() ? "trust-any" : "verified");
    }
  }
}
