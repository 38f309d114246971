package io.mailsync.sender.imap;

import io.mailsync.mail.sent.SentFolderChoice;
import io.mailsync.mail.sent.SentFolders;
import io.mailsync.mail.session.ImapConnector;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.MessageIDTerm;
import java.io.ByteArrayInputStream;
import java.util.Optional;
import org.eclipse.angus.mail.imap.IMAPStore;

/**
 * Files the copy of a sent mail in the mailbox's Sent folder over IMAP — the folder the fetcher
 * syncs, since both ask {@link SentFolders} — and looks a sent mail up there again when an
 * interrupted attempt has to be settled. Blocking: call it from a worker thread.
 */
@ApplicationScoped
public class SentFolderFiler {

  private final ImapConnector imap;

  public SentFolderFiler(ImapConnector imap) {
    this.imap = imap;
  }

  /**
   * Appends the message, flagged \Seen, to the Sent folder (creating it when the server has none).
   *
   * @return the folder's full name
   */
  public String file(ImapAccount account, String configuredFolder, byte[] rfc822) throws Exception {
    try (IMAPStore store = imap.connect(account.server(), account.username(), account.password())) {
      SentFolderChoice choice = SentFolders.resolve(store, configuredFolder);
      Folder folder = store.getFolder(choice.folder());
      if (!choice.exists() && !folder.exists()) {
        if (!folder.create(Folder.HOLDS_MESSAGES)) {
          throw new MessagingException("the server did not create folder " + choice.folder());
        }
        folder.setSubscribed(true);
      }
      MimeMessage copy = new MimeMessage((Session) null, new ByteArrayInputStream(rfc822));
      copy.setFlag(Flags.Flag.SEEN, true);
      folder.appendMessages(new Message[] {copy});
      return folder.getFullName();
    }
  }

  /** The Sent folder holding a message with this Message-ID, if there is one. */
  public Optional<String> find(ImapAccount account, String configuredFolder, String messageId)
      throws Exception {
    try (IMAPStore store = imap.connect(account.server(), account.username(), account.password())) {
      SentFolderChoice choice = SentFolders.resolve(store, configuredFolder);
      if (!choice.exists()) {
        return Optional.empty();
      }
      Folder folder = store.getFolder(choice.folder());
      folder.open(Folder.READ_ONLY);
      try {
        Message[] found = folder.search(new MessageIDTerm(messageId));
        return found.length > 0 ? Optional.of(folder.getFullName()) : Optional.empty();
      } finally {
        folder.close(false);
      }
    }
  }
}
