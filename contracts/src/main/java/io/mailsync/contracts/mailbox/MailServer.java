package io.mailsync.contracts.mailbox;

/**
 * Where to reach an IMAP or SMTP server and how.
 *
 * @param trustAnyCertificate the user's "don't validate certificate" choice
 */
public record MailServer(String host, int port, Security security, boolean trustAnyCertificate) {

  /** Settings that name no security mean a plain connection: the one place that says so. */
  public MailServer {
    if (security == null) {
      security = Security.NONE;
    }
  }

  public enum Security {
    NONE,
    STARTTLS,
    SSL
  }
}
