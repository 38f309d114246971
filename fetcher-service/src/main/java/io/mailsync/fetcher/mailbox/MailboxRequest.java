package io.mailsync.fetcher.mailbox;

import static io.mailsync.fetcher.mailbox.MailboxRequest.MAX_FOLDERS;
import static io.mailsync.fetcher.mailbox.MailboxRequest.MAX_NAME;
import static io.mailsync.fetcher.mailbox.MailboxRequest.MAX_PASSWORD;

import io.mailsync.contracts.mailbox.MailServer;
import io.mailsync.mail.validation.MailAddress;
import io.mailsync.mail.validation.PrintableName;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Body of {@code POST /api/v1/mailboxes}; its constraints are checked before anything is stored,
 * and every broken one is answered naming its field, in the words every service uses (rest-kernel's
 * {@code ContributorValidationMessages}).
 *
 * @param username the login; defaults to the email address
 * @param folders folders to sync; empty or absent means INBOX plus the Sent folder
 * @param sentFolder where sent mail is filed; absent means detect it
 */
public record MailboxRequest(
    @NotBlank @MailAddress String emailAddress,
    @PrintableName(max = MAX_NAME, blankAllowed = true) String username,
    @NotEmpty @Size(max = MAX_PASSWORD) String password,
    @NotNull @Valid ServerSettings imap,
    @NotNull @Valid ServerSettings smtp,
    @FolderList(maxFolders = MAX_FOLDERS, maxName = MAX_NAME) List<String> folders,
    @PrintableName(max = MAX_NAME) String sentFolder) {

  static final int MAX_FOLDERS = 100;
  static final int MAX_NAME = 1000;
  static final int MAX_PASSWORD = 1024;

  /**
   * @param trustAnyCertificate the user's "don't validate certificate" choice; default false
   */
  @AllowedMailServer
  public record ServerSettings(
      @NotBlank String host,
      @NotNull Integer port,
      @NotNull MailServer.Security security,
      Boolean trustAnyCertificate) {}

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
