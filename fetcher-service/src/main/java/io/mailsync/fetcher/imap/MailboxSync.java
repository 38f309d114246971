package io.mailsync.fetcher.imap;

import io.mailsync.contracts.mailbox.MailboxConfigured;
import io.mailsync.contracts.message.FetchedCopy;
import io.mailsync.contracts.message.MessageFetched;
import io.mailsync.fetcher.FetcherConfig;
import io.mailsync.fetcher.credentials.CredentialSeals;
import io.mailsync.fetcher.mailbox.FolderCheckpoint;
import io.mailsync.fetcher.mailbox.Mailbox;
import io.mailsync.fetcher.mailbox.MailboxStore;
import io.mailsync.fetcher.mailbox.SyncStatus;
import io.mailsync.fetcher.mime.MessageParser;
import io.mailsync.fetcher.mime.ParsedMessage;
import io.mailsync.fetcher.mime.SourceReadException;
import io.mailsync.fetcher.publish.MessagePublisher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.FolderClosedException;
import jakarta.mail.Message;
import jakarta.mail.MessageRemovedException;
import jakarta.mail.MessagingException;
import jakarta.mail.StoreClosedException;
import jakarta.mail.UIDFolder;
import jakarta.mail.search.ComparisonTerm;
import jakarta.mail.search.ReceivedDateTerm;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.jboss.logging.Logger;

/**
 * Syncs one mailbox: for each folder, publishes every message newer than the folder's checkpoint
 * (the first time, those of the initial window) as a {@code MessageFetched}, waits for the broker's
 * acknowledgement and only then advances the checkpoint. A restart therefore resumes after the last
 * acknowledged message: nothing is lost, and at most the one unacknowledged message is published
 * again, under the same event id.
 */
@ApplicationScoped
public class MailboxSync {

  private static final Logger LOG = Logger.getLogger(MailboxSync.class);

  private final MailboxStore store;
  private final CredentialSeals seals;
  private final ImapConnector connector;
  private final MessagePublisher publisher;
  private final FetcherConfig config;
  private final MessageParser parser;
  private final Map<UUID, ReentrantLock> locks = new ConcurrentHashMap<>();

  public MailboxSync(
      MailboxStore store,
      CredentialSeals seals,
      ImapConnector connector,
      MessagePublisher publisher,
      FetcherConfig config) {
    this.store = store;
    this.seals = seals;
    this.connector = connector;
    this.publisher = publisher;
    this.config = config;
    this.parser = new MessageParser(config.bodyCapChars());
  }

  /** Syncs the mailbox now; waits while another sync of the same mailbox runs. */
  public SyncReport syncOnce(UUID mailboxId) {
    ReentrantLock lock = locks.computeIfAbsent(mailboxId, id -> new ReentrantLock());
    lock.lock();
    try {
      return sync(mailboxId);
    } finally {
      lock.unlock();
    }
  }

  private SyncReport sync(UUID mailboxId) {
    Optional<Mailbox> found = store.find(mailboxId);
    if (found.isEmpty()) {
      return SyncReport.skipped(mailboxId, "no such mailbox");
    }
    Mailbox mailbox = found.get();
    if (mailbox.state != MailboxConfigured.State.ACTIVE) {
      return SyncReport.skipped(mailboxId, "mailbox is " + mailbox.state);
    }
    store.markSyncing(mailboxId);
    String password;
    try {
      password = seals.openAtRest(mailbox.sealedPassword(), mailbox.tenantId, mailboxId.toString());
    } catch (IllegalArgumentException e) {
      return failed(
          mailbox,
          "the stored password does not open with at-rest key "
              + mailbox.passwordKeyId
              + "; register the mailbox again",
          0);
    }
    Progress progress = new Progress();
    List<String> folderProblems = new ArrayList<>();
    try {
      IMAPStore imap = connector.connect(mailbox.imap(), mailbox.username, password);
      try {
        for (String folder : FolderSelection.of(imap, mailbox)) {
          try {
            syncFolder(mailbox, imap, folder, progress);
          } catch (FolderProblem problem) {
            folderProblems.add(problem.getMessage());
          }
        }
      } finally {
        close(imap);
      }
    } catch (PublishFailure e) {
      return failed(mailbox, e.getMessage(), progress.published);
    } catch (RuntimeException e) {
      // Not the mail server's doing (e.g. the database): say so rather than blame IMAP.
      LOG.warnf(e, "sync of mailbox %s stopped", mailbox.id);
      return failed(
          mailbox,
          "sync stopped by an internal error; retrying on the next poll",
          progress.published);
    } catch (Exception e) {
      return failed(
          mailbox, SyncFailures.describe(e, mailbox.imap(), password), progress.published);
    }
    if (!folderProblems.isEmpty()) {
      return failed(
          mailbox,
          SyncFailures.scrub(String.join("; ", folderProblems), password),
          progress.published);
    }
    store.syncSucceeded(mailboxId, Instant.now());
    return new SyncReport(mailboxId, SyncStatus.OK, null, progress.published);
  }

  private void syncFolder(Mailbox mailbox, IMAPStore imap, String name, Progress progress)
      throws MessagingException, IOException, PublishFailure, FolderProblem {
    IMAPFolder folder = (IMAPFolder) imap.getFolder(name);
    try {
      if (!folder.exists()) {
        throw new FolderProblem("folder \"" + name + "\" does not exist on the server");
      }
      folder.open(Folder.READ_ONLY);
    } catch (FolderClosedException | StoreClosedException connectionLost) {
      throw connectionLost;
    } catch (MessagingException e) {
      throw new FolderProblem("folder \"" + name + "\" could not be opened: " + e.getMessage());
    }
    try {
      long uidValidity = folder.getUIDValidity();
      long uidNext = folder.getUIDNext();
      Optional<FolderCheckpoint> checkpoint = store.checkpoint(mailbox.id, name);
      boolean initial = checkpoint.isEmpty() || checkpoint.get().uidValidity != uidValidity;
      long lastUid = initial ? 0 : checkpoint.get().lastUid;
      if (initial) {
        // New folder or its UIDs were reset (UIDVALIDITY changed): start over for this folder.
        store.saveCheckpoint(mailbox.id, name, uidValidity, 0);
      }
      Message[] candidates =
          initial
              ? folder.search(
                  new ReceivedDateTerm(
                      ComparisonTerm.GE, Date.from(Instant.now().minus(config.initialWindow()))))
              : folder.getMessagesByUID(lastUid + 1, UIDFolder.MAXUID);
      FetchProfile profile = new FetchProfile();
      profile.add(UIDFolder.FetchProfileItem.UID);
      profile.add(FetchProfile.Item.FLAGS);
      profile.add(IMAPFolder.FetchProfileItem.INTERNALDATE);
      folder.fetch(candidates, profile);
      List<Message> pending = new ArrayList<>(Arrays.asList(candidates));
      pending.sort(Comparator.comparingLong(m -> uid(folder, m)));
      for (Message message : pending) {
        long uid = uid(folder, message);
        if (uid <= lastUid) {
          continue; // "UID n:*" always returns the newest message, even when it is older
        }
        MessageFetched event = read(mailbox, name, uidValidity, uid, (IMAPMessage) message);
        if (event != null) {
          publish(event);
          progress.published++;
        }
        store.saveCheckpoint(mailbox.id, name, uidValidity, uid);
        lastUid = uid;
      }
      if (initial && uidNext > 1 && uidNext - 1 > lastUid) {
        // Older mail outside the window stays behind: later syncs start after today's newest.
        store.saveCheckpoint(mailbox.id, name, uidValidity, uidNext - 1);
      }
    } finally {
      if (folder.isOpen()) {
        try {
          folder.close(false);
        } catch (MessagingException ignored) {
          // closing a read-only folder changes nothing on the server
        }
      }
    }
  }

  /** The copy as an event, or null when the server removed the message meanwhile. */
  private MessageFetched read(
      Mailbox mailbox, String folder, long uidValidity, long uid, IMAPMessage message)
      throws MessagingException, SourceReadException {
    ParsedMessage parsed;
    boolean seen;
    Instant receivedAt;
    try {
      message.setPeek(true);
      seen = message.isSet(Flags.Flag.SEEN);
      Date internalDate = message.getReceivedDate();
      receivedAt = internalDate == null ? null : internalDate.toInstant();
      try (InputStream raw = message.getMimeStream()) {
        parsed = parser.parse(raw);
      } catch (SourceReadException e) {
        if (removed(e)) {
          return null;
        }
        throw e;
      } catch (IOException closing) {
        throw new SourceReadException(closing);
      }
    } catch (MessageRemovedException removed) {
      return null;
    }
    FetchedCopy copy = new FetchedCopy(mailbox.id.toString(), folder, uidValidity, uid);
    return new MessageFetched(
        copy.eventId(),
        mailbox.tenantId,
        Instant.now(),
        copy,
        parsed.messageKey(),
        parsed.rfcMessageId(),
        parsed.inReplyTo(),
        parsed.references(),
        parsed.subject(),
        parsed.sentAt(),
        receivedAt,
        parsed.participants(),
        parsed.body(),
        parsed.attachments(),
        seen,
        parsed.parseError());
  }

  private void publish(MessageFetched event) throws PublishFailure {
    try {
      publisher
          .publish(event)
          .toCompletableFuture()
          .get(config.publishTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PublishFailure("interrupted while publishing");
    } catch (ExecutionException e) {
      throw new PublishFailure("publishing fetched mail failed: " + e.getCause().getMessage());
    } catch (TimeoutException e) {
      throw new PublishFailure(
          "publishing fetched mail failed: no broker acknowledgement within "
              + config.publishTimeout().toSeconds()
              + "s");
    }
  }

  private SyncReport failed(Mailbox mailbox, String reason, int published) {
    if (reason.equals(mailbox.syncError)) {
      LOG.debugf("sync of mailbox %s failed again: %s", mailbox.id, reason);
    } else {
      LOG.infof("sync of mailbox %s failed: %s", mailbox.id, reason);
    }
    store.syncFailed(mailbox.id, reason);
    return new SyncReport(mailbox.id, SyncStatus.ERROR, reason, published);
  }

  private static boolean removed(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof MessageRemovedException) {
        return true;
      }
    }
    return false;
  }

  private static long uid(IMAPFolder folder, Message message) {
    try {
      return folder.getUID(message);
    } catch (MessagingException e) {
      throw new IllegalStateException("UID unavailable for a fetched message", e);
    }
  }

  private static void close(IMAPStore imap) {
    try {
      imap.close();
    } catch (MessagingException ignored) {
      // the session is over either way
    }
  }

  private static final class Progress {
    int published;
  }

  /** One folder can't be synced; the others still are. */
  static final class FolderProblem extends Exception {
    FolderProblem(String message) {
      super(message);
    }
  }

  /** The broker did not take a record; the folder stops at its last acknowledged message. */
  static final class PublishFailure extends Exception {
    PublishFailure(String message) {
      super(message);
    }
  }
}
