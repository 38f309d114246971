package io.mailsync.fetcher.mailbox;

import io.mailsync.contracts.mailbox.MailServer;
import java.util.List;

/**
 * Body of {@code POST /api/v1/mailboxes}.
 *
 * @param username the login; defaults to the email address
 * @param folders folders to sync; empty or absent means INBOX plus the Sent folder
 * @param sentFolder where sent mail is filed; absent means detect it
 */
public record MailboxRequest(
    String emailAddress,
    String username,
    String password,
    ServerSettings imap,
    ServerSettings smtp,
    List<String> folders,
    String sentFolder) {

  /**
   * @param trustAnyCertificate the user's "don't validate certificate" choice; default false
   */
  public record ServerSettings(
      String host, Integer port, MailServer.Security security, Boolean trustAnyCertificate) {}

  @Override
  public String toString() {
    // Requests end up in logs and exception messages; the password must not.
    return "MailboxRequest[emailAddress="
        + emailAddress
        + ", username="
        + username
        + ", password=***, imap="
        + imap
        + ", smtp="
        + smtp
        + ", folders="
        + folders
        + ", sentFolder="
        + sentFolder
        + "]";
  }
}
