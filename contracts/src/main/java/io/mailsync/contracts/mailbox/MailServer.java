package io.mailsync.contracts.mailbox;

/**
 * Where to reach an IMAP or SMTP server and how.
 *
 * @param trustAnyCertificate the user's "don't validate certificate" choice
 */
public record MailServer(String host, int port, Security security, boolean trustAnyCertificate) {

  public enum Security {
    NONE,
    STARTTLS,
    SSL
  }
}
