package io.mailsync.testkit.mail;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.event.MessageCountAdapter;
import jakarta.mail.event.MessageCountEvent;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.awaitility.Awaitility;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;

/** A plain Angus Mail IMAP session for tests: read folders, append, wait for IDLE pushes. */
public final class ImapClient implements AutoCloseable {

  private final IMAPStore store;

  private ImapClient(IMAPStore store) {
    this.store = store;
  }

  public static ImapClient connect(MailAccount account) {
    Properties props = new Properties();
    props.put("mail.imap.host", account.host());
    props.put("mail.imap.port", Integer.toString(account.imapPort()));
    props.put("mail.imap.connectiontimeout", "5000");
    props.put("mail.imap.timeout", "15000");
    try {
      Store store = Session.getInstance(props).getStore("imap");
      store.connect(account.host(), account.imapPort(), account.login(), account.password());
      return new ImapClient((IMAPStore) store);
    } catch (MessagingException e) {
      throw new IllegalStateException(
          "IMAP login of "
              + account.login()
              + " at "
              + account.host()
              + ":"
              + account.imapPort()
              + " failed: "
              + e.getMessage(),
          e);
    }
  }

  public boolean hasCapability(String capability) throws MessagingException {
    return store.hasCapability(capability);
  }

  /** The messages of a folder, oldest first, as summaries that stay usable after closing. */
  public List<FetchedMail> read(String folderName) throws MessagingException, IOException {
    IMAPFolder folder = (IMAPFolder) store.getFolder(folderName);
    folder.open(Folder.READ_ONLY);
    try {
      List<FetchedMail> result = new ArrayList<>();
      for (Message m : folder.getMessages()) {
        MimeMessage mime = (MimeMessage) m;
        result.add(
            new FetchedMail(
                folder.getUID(m),
                mime.getMessageID(),
                mime.getSubject(),
                m.getFrom() == null ? null : m.getFrom()[0].toString(),
                m.isSet(Flags.Flag.SEEN),
                m.getSentDate() == null ? null : m.getSentDate().toInstant()));
      }
      return result;
    } finally {
      folder.close(false);
    }
  }

  /** Creates an empty folder, as another mail client would. */
  public void createFolder(String folderName) throws MessagingException {
    if (!store.getFolder(folderName).create(Folder.HOLDS_MESSAGES)) {
      throw new MessagingException("the server did not create " + folderName);
    }
  }

  public void append(String folderName, byte[] raw) throws MessagingException {
    Folder folder = store.getFolder(folderName);
    if (!folder.exists()) {
      folder.create(Folder.HOLDS_MESSAGES);
    }
    folder.appendMessages(new Message[] {TestMessage.parse(raw)});
  }

  /**
   * Opens {@code folderName}, enters IDLE, runs {@code trigger}, and returns the number of messages
   * the server announced (EXISTS) while idling; fails if none arrives within {@code timeout}.
   */
  public int awaitNewMessagesWithIdle(String folderName, Runnable trigger, Duration timeout)
      throws MessagingException, InterruptedException, TimeoutException {
    if (!store.hasCapability("IDLE")) {
      throw new IllegalStateException("server does not advertise IDLE");
    }
    IMAPFolder folder = (IMAPFolder) store.getFolder(folderName);
    folder.open(Folder.READ_ONLY);
    // The server's continuation ("+ idling") answers IDLE: from then on it pushes what arrives.
    AtomicBoolean idling = new AtomicBoolean();
    folder.doCommand(
        protocol -> {
          protocol.addResponseHandler(
              response -> {
                if (response.isContinuation()) {
                  idling.set(true);
                }
              });
          return null;
        });
    CompletableFuture<Integer> added = new CompletableFuture<>();
    folder.addMessageCountListener(
        new MessageCountAdapter() {
          @Override
          public void messagesAdded(MessageCountEvent e) {
            added.complete(e.getMessages().length);
          }
        });
    Thread idler =
        Thread.ofPlatform()
            .daemon()
            .name("imap-idle")
            .start(
                () -> {
                  try {
                    while (!added.isDone()) {
                      folder.idle(true);
                    }
                  } catch (MessagingException e) {
                    added.completeExceptionally(e);
                  }
                });
    try {
      // A message that arrives before the server idles would be announced to no one.
      Awaitility.await("IDLE on " + folderName)
          .atMost(timeout)
          .until(() -> idling.get() || added.isDone());
      trigger.run();
      return added.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new MessagingException("IDLE failed", (Exception) e.getCause());
    } finally {
      folder.close(false);
      idler.join(5000);
    }
  }

  @Override
  public void close() throws MessagingException {
    store.close();
  }

  /**
   * What a test usually wants to know of a message in a folder.
   *
   * @param sentAt its Date header, or null
   */
  public record FetchedMail(
      long uid, String messageId, String subject, String from, boolean seen, Instant sentAt) {}
}
