package io.mailsync.sender.imap;

import io.mailsync.contracts.mailbox.MailServer;
import io.mailsync.sender.SenderConfig;
import io.mailsync.sender.host.MailHostPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.MessageIDTerm;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.eclipse.angus.mail.imap.IMAPFolder;

/**
 * Files the copy of a sent mail in the mailbox's Sent folder over IMAP (Angus Mail), and looks a
 * sent mail up there again when an interrupted attempt has to be settled. Blocking: call it from a
 * worker thread.
 */
@ApplicationScoped
public class SentFolderFiler {

  private final MailHostPolicy hosts;
  private final SenderConfig.Imap config;

  public SentFolderFiler(MailHostPolicy hosts, SenderConfig config) {
    this.hosts = hosts;
    this.config = config.imap();
  }

  /**
   * Appends the message, flagged \Seen, to the chosen Sent folder (creating it when needed).
   *
   * @return the folder's full name
   */
  public String file(ImapAccount account, String configuredFolder, byte[] rfc822)
      throws MessagingException {
    try (Store store = connect(account)) {
      SentFolderChoice choice = choose(store, configuredFolder);
      Folder folder = store.getFolder(choice.folder());
      if (choice.create() && !folder.exists()) {
        if (!folder.create(Folder.HOLDS_MESSAGES)) {
          throw new MessagingException("the server did not create folder " + choice.folder());
        }
        folder.setSubscribed(true);
      }
      MimeMessage copy = new MimeMessage(session(account), new ByteArrayInputStream(rfc822));
      copy.setFlag(Flags.Flag.SEEN, true);
      folder.appendMessages(new Message[] {copy});
      return folder.getFullName();
    }
  }

  /** The Sent folder holding a message with this Message-ID, if there is one. */
  public Optional<String> find(ImapAccount account, String configuredFolder, String messageId)
      throws MessagingException {
    try (Store store = connect(account)) {
      SentFolderChoice choice = choose(store, configuredFolder);
      if (choice.create()) {
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

  private SentFolderChoice choose(Store store, String configuredFolder) throws MessagingException {
    List<SentFolderChoice.ListedFolder> listed = new ArrayList<>();
    for (Folder folder : store.getDefaultFolder().list("*")) {
      String[] attributes =
          folder instanceof IMAPFolder imap ? imap.getAttributes() : new String[0];
      listed.add(
          new SentFolderChoice.ListedFolder(
              folder.getFullName(),
              attributes == null ? Set.of() : new HashSet<>(Arrays.asList(attributes))));
    }
    return SentFolderChoice.choose(configuredFolder, listed, topLevelPrefix(store));
  }

  /** "" when top-level folders sit at the root; "INBOX." where they must live below INBOX. */
  private static String topLevelPrefix(Store store) throws MessagingException {
    Folder[] personal = store.getPersonalNamespaces();
    if (personal.length == 0 || personal[0].getFullName().isEmpty()) {
      return "";
    }
    return personal[0].getFullName() + personal[0].getSeparator();
  }

  private Store connect(ImapAccount account) throws MessagingException {
    MailServer server = account.server();
    hosts.check("IMAP", server.host(), server.port());
    Session session = session(account);
    Store store = session.getStore(protocol(server));
    store.connect(server.host().strip(), server.port(), account.username(), account.password());
    return store;
  }

  private Session session(ImapAccount account) {
    MailServer server = account.server();
    String p = "mail." + protocol(server) + ".";
    Properties props = new Properties();
    props.put(p + "connectiontimeout", Long.toString(config.connectTimeout().toMillis()));
    props.put(p + "timeout", Long.toString(config.timeout().toMillis()));
    props.put(p + "writetimeout", Long.toString(config.timeout().toMillis()));
    if (server.security() == MailServer.Security.STARTTLS) {
      props.put(p + "starttls.enable", "true");
      props.put(p + "starttls.required", "true");
    }
    if (server.trustAnyCertificate()) {
      props.put(p + "ssl.trust", "*");
      props.put(p + "ssl.checkserveridentity", "false");
    } else {
      props.put(p + "ssl.checkserveridentity", "true");
    }
    return Session.getInstance(props);
  }

  private static String protocol(MailServer server) {
    return server.security() == MailServer.Security.SSL ? "imaps" : "imap";
  }
}
