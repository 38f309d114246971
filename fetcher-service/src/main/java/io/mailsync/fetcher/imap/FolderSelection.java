package io.mailsync.fetcher.imap;

import io.mailsync.fetcher.mailbox.Mailbox;
import io.mailsync.mail.sent.SentFolderChoice;
import io.mailsync.mail.sent.SentFolders;
import jakarta.mail.MessagingException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.angus.mail.imap.IMAPStore;

/**
 * Which folders a mailbox syncs: the configured ones, else INBOX plus the Sent folder, so mail sent
 * from any client — and the copies the sender files — is logged. The Sent folder is the one the
 * sender files into ({@link SentFolders}); until it exists there is none to sync.
 */
final class FolderSelection {

  static final String INBOX = "INBOX";

  static List<String> of(IMAPStore store, Mailbox mailbox) throws MessagingException {
    if (mailbox.folders != null && !mailbox.folders.isEmpty()) {
      return mailbox.folders;
    }
    List<String> folders = new ArrayList<>(List.of(INBOX));
    SentFolderChoice sent = SentFolders.resolve(store, mailbox.sentFolder);
    if (sent.exists() && !sent.folder().equalsIgnoreCase(INBOX)) {
      folders.add(sent.folder());
    }
    return folders;
  }

  private FolderSelection() {}
}
