package io.mailsync.fetcher.imap;

import io.mailsync.fetcher.mailbox.Mailbox;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;

/**
 * Which folders a mailbox syncs: the configured ones, else INBOX plus the Sent folder, so mail sent
 * from any client is logged. The Sent folder is the configured one, else the folder the server
 * marks \Sent (SPECIAL-USE), else a folder named "Sent".
 */
final class FolderSelection {

  static final String INBOX = "INBOX";

  static List<String> of(IMAPStore store, Mailbox mailbox) throws MessagingException {
    if (mailbox.folders != null && !mailbox.folders.isEmpty()) {
      return mailbox.folders;
    }
    List<String> folders = new ArrayList<>(List.of(INBOX));
    String sent = mailbox.sentFolder != null ? mailbox.sentFolder : detectSent(store);
    if (sent != null && !sent.equalsIgnoreCase(INBOX)) {
      folders.add(sent);
    }
    return folders;
  }

  static String detectSent(IMAPStore store) throws MessagingException {
    for (Folder folder : store.getDefaultFolder().list("*")) {
      if (folder instanceof IMAPFolder imap) {
        for (String attribute : imap.getAttributes()) {
          if (attribute.equalsIgnoreCase("\\Sent")) {
            return imap.getFullName();
          }
        }
      }
    }
    Folder named = store.getFolder("Sent");
    return named.exists() ? named.getFullName() : null;
  }

  private FolderSelection() {}
}
