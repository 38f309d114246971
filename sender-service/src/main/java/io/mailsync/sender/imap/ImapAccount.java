package io.mailsync.sender.imap;

import io.mailsync.contracts.mailbox.MailServer;

/** How to log in to a mailbox's IMAP server; {@link #toString()} never shows the password. */
public record ImapAccount(MailServer server, String username, String password) {

  @Override
  public String toString() {
    return "ImapAccount[" + server + ", " + username + "]";
  }
}
