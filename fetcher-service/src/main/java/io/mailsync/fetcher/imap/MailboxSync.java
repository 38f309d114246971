package io.mailsync.fetcher.imap;

import io.mailsync.contracts.MessageIdentity;
import io.mailsync.contracts.MessageKey;
import io.mailsync.contracts.Timestamps;
import io.mailsync.contracts.mailbox.MailboxConfigured;
import io.mailsync.contracts.message.FetchedCopy;
import io.mailsync.contracts.message.MessageBody;
import io.mailsync.contracts.message.MessageFetched;
import io.mailsync.contracts.message.Participant;
import io.mailsync.fetcher.FetcherConfig;
import io.mailsync.fetcher.credentials.CredentialSeals;
import io.mailsync.fetcher.mailbox.FolderCheckpoint;
import io.mailsync.fetcher.mailbox.Mailbox;
import io.mailsync.fetcher.mailbox.MailboxStore;
import io.mailsync.fetcher.mailbox.SyncStatus;
import io.mailsync.fetcher.mime.MessageParser;
import io.mailsync.fetcher.mime.ParsedMessage;
import io.mailsync.fetcher.mime.SourceReadException;
import io.mailsync.fetcher.publish.EventSizeCap;
import io.mailsync.fetcher.publish.MessagePublisher;
import io.mailsync.mail.secret.SecretScrubber;
import io.mailsync.mail.session.ConnectionFailure;
import io.mailsync.mail.session.ImapConnector;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.Address;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.FolderClosedException;
import jakarta.mail.Message;
import jakarta.mail.MessageRemovedException;
import jakarta.mail.MessagingException;
import jakarta.mail.StoreClosedException;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.ComparisonTerm;
import jakarta.mail.search.ReceivedDateTerm;
import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
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
  private final EventSizeCap sizeCap;
  private final Map<UUID, ReentrantLock> locks = new ConcurrentHashMap<>();
  private final ReadAttempts readAttempts = new ReadAttempts();
  private final RetryBackoff backoff;

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
    this.sizeCap = new EventSizeCap(config.maxEventBytes());
    this.backoff =
        new RetryBackoff(
            config.retry().initialBackoff(), config.retry().maxBackoff(), new SecureRandom());
  }

  /**
   * Syncs the mailbox now, backoff or not (a refused login still waits for the user); waits while
   * another sync of the same mailbox runs.
   */
  public SyncReport syncOnce(UUID mailboxId) {
    return locked(mailboxId, false);
  }

  /** Syncs the mailbox unless it is backing off after a failure: what each poll does. */
  public SyncReport syncWhenDue(UUID mailboxId) {
    return locked(mailboxId, true);
  }

  private SyncReport locked(UUID mailboxId, boolean respectBackoff) {
    ReentrantLock lock = locks.computeIfAbsent(mailboxId, id -> new ReentrantLock());
    lock.lock();
    try {
      return sync(mailboxId, respectBackoff);
    } finally {
      lock.unlock();
    }
  }

  private SyncReport sync(UUID mailboxId, boolean respectBackoff) {
    Optional<Mailbox> found = store.find(mailboxId);
    if (found.isEmpty()) {
      return SyncReport.skipped(mailboxId, "no such mailbox");
    }
    Mailbox mailbox = found.get();
    if (mailbox.state != MailboxConfigured.State.ACTIVE) {
      return SyncReport.skipped(mailboxId, "mailbox is " + mailbox.state);
    }
    if (mailbox.syncStatus == SyncStatus.AUTH_FAILED) {
      return SyncReport.skipped(mailboxId, "login refused; waiting for a retry or new settings");
    }
    if (respectBackoff
        && mailbox.nextAttemptAt != null
        && Instant.now().isBefore(mailbox.nextAttemptAt)) {
      return SyncReport.skipped(mailboxId, "backing off until " + mailbox.nextAttemptAt);
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
            syncFolder(mailbox, imap, folder, password, progress);
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
      ConnectionFailure failure = ConnectionFailure.of(e, "IMAP", mailbox.imap());
      if (failure.kind() == ConnectionFailure.Kind.LOGIN_REFUSED) {
        return loginRefused(mailbox, failure.textWithout(password));
      }
      return failed(mailbox, failure.textWithout(password), progress.published);
    }
    if (!folderProblems.isEmpty()) {
      return failed(
          mailbox,
          SecretScrubber.scrub(String.join("; ", folderProblems), password),
          progress.published);
    }
    store.syncSucceeded(mailboxId, Timestamps.now());
    return new SyncReport(mailboxId, SyncStatus.OK, null, progress.published);
  }

  private void syncFolder(
      Mailbox mailbox, IMAPStore imap, String name, String password, Progress progress)
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
      // The server's reply stays in the log: it is the server's words, not ours.
      LOG.debugf("mailbox %s: folder %s could not be opened: %s", mailbox.id, name, e);
      throw new FolderProblem("folder \"" + name + "\" could not be opened");
    }
    try {
      long uidValidity = folder.getUIDValidity();
      long uidNext = folder.getUIDNext();
      Optional<FolderCheckpoint> checkpoint = store.checkpoint(mailbox.id, name);
      boolean fresh = checkpoint.isEmpty() || checkpoint.get().uidValidity != uidValidity;
      // An interrupted first sync resumes within the window, after what it already published.
      boolean initial = fresh || checkpoint.get().initialSyncPending;
      long lastUid = fresh ? 0 : checkpoint.get().lastUid;
      if (fresh) {
        // New folder or its UIDs were reset (UIDVALIDITY changed): start over for this folder.
        store.startInitialSync(mailbox.id, name, uidValidity);
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
        MessageFetched event;
        String unreadableReason = null;
        try {
          event = read(mailbox, name, uidValidity, uid, (IMAPMessage) message);
          readAttempts.succeeded(mailbox.id, name, uidValidity, uid);
        } catch (MessagingException | SourceReadException | RuntimeException e) {
          if (!readAttempts.failedAndGivenUp(mailbox.id, name, uidValidity, uid)) {
            throw e; // the mailbox shows the error; the next poll tries this message again
          }
          String reason =
              "message UID %d in \"%s\" could not be read after %d attempts: %s"
                  .formatted(
                      uid,
                      name,
                      ReadAttempts.LIMIT,
                      ConnectionFailure.of(e, "IMAP", mailbox.imap()).textWithout(password));
          LOG.warnf("mailbox %s: %s; publishing it without content", mailbox.id, reason);
          event = unreadable(mailbox, name, uidValidity, uid, message, reason);
          unreadableReason = reason;
        }
        if (event != null) {
          publish(event);
          progress.published++;
        }
        store.saveCheckpoint(mailbox.id, name, uidValidity, uid);
        if (unreadableReason != null) {
          store.messageUnreadable(mailbox.id, unreadableReason); // shown once it is published
        }
        lastUid = uid;
      }
      if (initial) {
        // Older mail outside the window stays behind: later syncs start after today's newest.
        store.completeInitialSync(mailbox.id, name, uidValidity, Math.max(lastUid, uidNext - 1));
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
        Timestamps.now(),
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

  /**
   * What is known of a copy that could not be read: its identity, flags and date, and whatever of
   * its envelope the server still gives, with {@code parseError} saying why the rest is missing.
   */
  private static MessageFetched unreadable(
      Mailbox mailbox, String folder, long uidValidity, long uid, Message message, String reason) {
    FetchedCopy copy = new FetchedCopy(mailbox.id.toString(), folder, uidValidity, uid);
    boolean seen = false;
    Instant receivedAt = null;
    String messageId = null;
    String subject = null;
    Instant sentAt = null;
    List<Participant> participants = new ArrayList<>();
    try {
      seen = message.isSet(Flags.Flag.SEEN);
      Date internalDate = message.getReceivedDate();
      receivedAt = internalDate == null ? null : internalDate.toInstant();
      if (message instanceof MimeMessage mime) {
        messageId = MessageParser.withoutNul(mime.getMessageID());
      }
      subject = MessageParser.withoutNul(message.getSubject());
      Date sent = message.getSentDate();
      sentAt = sent == null ? null : sent.toInstant();
      addAll(participants, Participant.Role.FROM, message.getFrom());
      addAll(participants, Participant.Role.TO, message.getRecipients(Message.RecipientType.TO));
      addAll(participants, Participant.Role.CC, message.getRecipients(Message.RecipientType.CC));
    } catch (MessagingException | RuntimeException unavailable) {
      // publish what was known up to here
    }
    return new MessageFetched(
        copy.eventId(),
        mailbox.tenantId,
        Timestamps.now(),
        copy,
        unreadableKey(copy, messageId, participants, sentAt, subject),
        messageId,
        null,
        List.of(),
        subject,
        sentAt,
        receivedAt,
        List.copyOf(participants),
        new MessageBody(null, null, false, false),
        List.of(),
        seen,
        reason);
  }

  /**
   * With a Message-ID, the key a readable copy of the same mail has (bound to sender and date from
   * the envelope); without one there is no content to hash, and the copy is its own message.
   */
  private static String unreadableKey(
      FetchedCopy copy,
      String messageId,
      List<Participant> participants,
      Instant sentAt,
      String subject) {
    List<String> from =
        participants.stream()
            .filter(p -> p.role() == Participant.Role.FROM)
            .map(Participant::address)
            .toList();
    List<MessageIdentity.Part> ownMessage =
        List.of(new MessageIdentity.Part("x-mailsync/unreadable-copy", 0, copy.eventId()));
    return MessageKey.of(
        new MessageIdentity(
            messageId, from, List.of(), List.of(), sentAt, null, subject, ownMessage));
  }

  private static void addAll(List<Participant> into, Participant.Role role, Address[] addresses) {
    if (addresses == null) {
      return;
    }
    for (Address address : addresses) {
      if (address instanceof InternetAddress internet
          && internet.getAddress() != null
          && internet.getAddress().contains("@")) {
        String name = MessageParser.withoutNul(internet.getPersonal());
        into.add(
            new Participant(
                role,
                MessageParser.withoutNul(internet.getAddress()),
                name == null || name.isBlank() ? null : name));
      }
    }
  }

  private void publish(MessageFetched event) throws PublishFailure {
    try {
      publisher
          .publish(sizeCap.fit(event))
          .subscribeAsCompletionStage()
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
    int failures = mailbox.consecutiveFailures + 1;
    store.syncFailed(mailbox.id, reason, failures, Timestamps.now().plus(backoff.after(failures)));
    return new SyncReport(mailbox.id, SyncStatus.ERROR, reason, published);
  }

  private SyncReport loginRefused(Mailbox mailbox, String reason) {
    LOG.infof("mailbox %s: %s; no further attempts until a retry", mailbox.id, reason);
    store.loginRefused(mailbox.id, reason);
    return new SyncReport(mailbox.id, SyncStatus.AUTH_FAILED, reason, 0);
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
