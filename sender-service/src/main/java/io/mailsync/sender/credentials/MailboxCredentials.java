package io.mailsync.sender.credentials;

import io.mailsync.mail.credentials.TransportCredentials;
import io.mailsync.sender.mailbox.MailboxSettings;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Opens a mailbox's sealed password at the moment it is needed, with the transport key ring the
 * fetcher sealed it with; the seal only opens for the mailbox and the servers it was sealed for.
 * Created at start-up so that a missing or malformed key stops the service with a clear message
 * instead of failing every send.
 */
@Startup
@ApplicationScoped
public class MailboxCredentials {

  private final TransportCredentials transport;

  public MailboxCredentials(TransportCredentials transport) {
    this.transport = transport;
  }

  /**
   * @throws CredentialsUnavailable when the secret was sealed with an unknown key, for another
   *     mailbox or other servers, or was tampered with
   */
  public String open(MailboxSettings mailbox) {
    if (mailbox.credentials() == null) {
      throw new CredentialsUnavailable("mailbox " + mailbox.mailboxId + " has no credentials");
    }
    try {
      return transport.open(
          mailbox.credentials(),
          new TransportCredentials.Binding(
              mailbox.tenantId,
              mailbox.mailboxId,
              mailbox.username,
              mailbox.imap(),
              mailbox.smtp()));
    } catch (IllegalArgumentException e) {
      throw new CredentialsUnavailable(
          "credentials of mailbox " + mailbox.mailboxId + " cannot be opened: " + e.getMessage());
    }
  }

  /** The credentials cannot be opened here; the message never contains the secret. */
  public static final class CredentialsUnavailable extends RuntimeException {
    public CredentialsUnavailable(String message) {
      super(message, null, false, false);
    }
  }
}
