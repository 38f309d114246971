package io.mailsync.sender.send;

import io.mailsync.contracts.ContractRecord;
import io.mailsync.contracts.Keys;
import io.mailsync.contracts.MessageIdentity;
import io.mailsync.contracts.MessageKey;
import io.mailsync.contracts.Timestamps;
import io.mailsync.contracts.mailbox.MailServer;
import io.mailsync.contracts.send.SendEmail;
import io.mailsync.mail.secret.SecretScrubber;
import io.mailsync.mail.session.ConnectionFailure;
import io.mailsync.mail.session.SmtpAccount;
import io.mailsync.sender.SendFailure;
import io.mailsync.sender.SenderConfig;
import io.mailsync.sender.credentials.MailboxCredentials;
import io.mailsync.sender.credentials.MailboxCredentials.CredentialsUnavailable;
import io.mailsync.sender.imap.ImapAccount;
import io.mailsync.sender.imap.SentFolderFiler;
import io.mailsync.sender.mailbox.MailboxDirectory;
import io.mailsync.sender.mailbox.MailboxSettings;
import io.mailsync.sender.smtp.ComposedMail;
import io.mailsync.sender.smtp.MailComposer;
import io.mailsync.sender.smtp.SmtpFailures;
import io.mailsync.sender.smtp.SmtpSender;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Carries out a {@code SendEmail} at most once and answers with its outcome event.
 *
 * <p>The command is recorded as PENDING before anything is sent. A redelivered command whose
 * attempt is settled gets the same outcome again; one found PENDING (the service stopped mid-send)
 * is never sent again: it counts as sent if its Message-ID is in the Sent folder, otherwise as
 * failed.
 */
@ApplicationScoped
public class SendCommandHandler {

  static final String INTERRUPTED =
      "interrupted before the outcome was known; not retried to avoid a duplicate send";

  private static final Logger LOG = Logger.getLogger(SendCommandHandler.class);
  private static final Duration MAILBOX_POLL = Duration.ofMillis(500);

  private final SendAttempts attempts;
  private final MailboxDirectory mailboxes;
  private final MailboxCredentials credentials;
  private final SmtpSender smtp;
  private final SentFolderFiler sentFolder;
  private final SenderConfig config;
  private final Vertx vertx;

  public SendCommandHandler(
      SendAttempts attempts,
      MailboxDirectory mailboxes,
      MailboxCredentials credentials,
      SmtpSender smtp,
      SentFolderFiler sentFolder,
      SenderConfig config,
      Vertx vertx) {
    this.attempts = attempts;
    this.mailboxes = mailboxes;
    this.credentials = credentials;
    this.smtp = smtp;
    this.sentFolder = sentFolder;
    this.config = config;
    this.vertx = vertx;
  }

  /**
   * @param command decoded and checked by {@code ContractDecoder}: it has the identity an outcome
   *     needs
   * @return the outcome to publish
   */
  public Uni<ContractRecord> handle(SendEmail command) {
    return attempts
        .find(command.id())
        .chain(existing -> existing == null ? start(command) : resume(command, existing));
  }

  private Uni<ContractRecord> start(SendEmail command) {
    long deadline = System.nanoTime() + config.mailboxWait().toNanos();
    return awaitMailbox(command.tenantId(), command.mailboxId(), deadline)
        .chain(
            mailbox -> {
              if (mailbox == null) {
                return reject(
                    command,
                    SendFailure.permanent(
                        "mailbox "
                            + command.mailboxId()
                            + " is unknown to tenant "
                            + command.tenantId()
                            + ": no settings arrived within "
                            + config.mailboxWait().toSeconds()
                            + "s"));
              }
              if (mailbox.ownerUserId == null
                  || !mailbox.ownerUserId.equals(command.requestedBy())) {
                // A user sends from their own mailbox only, never from a colleague's.
                return reject(
                    command,
                    SendFailure.permanent(
                        "mailbox "
                            + command.mailboxId()
                            + " belongs to another user; only its owner can send from it"));
              }
              Instant now = Timestamps.now();
              ComposedMail mail;
              try {
                requireSmtp(mailbox);
                mail = MailComposer.compose(command, mailbox.emailAddress, now);
              } catch (SendFailure failure) {
                return reject(command, failure);
              }
              // the key the fetcher computes from the copy in Sent: Message-ID, From and Date
              String messageKey =
                  MessageKey.of(
                      MessageIdentity.withMessageId(mail.messageId(), mailbox.emailAddress, now));
              return attempts
                  .claim(command, mail.messageId(), messageKey, now)
                  .chain(
                      claim ->
                          claim.claimed()
                              ? perform(mailbox, mail, claim.attempt())
                              : resume(command, claim.attempt()));
            });
  }

  private Uni<ContractRecord> perform(
      MailboxSettings mailbox, ComposedMail mail, SendAttempt attempt) {
    String commandId = attempt.commandId;
    String password;
    try {
      password = openPassword(mailbox);
    } catch (SendFailure failure) {
      return attempts.failed(commandId, failure.reason(), failure.permanent()).map(Outcomes::of);
    }
    MailServer server = mailbox.smtp();
    return smtp.send(smtpAccount(mailbox), mail.message())
        .map(sent -> (SendFailure) null)
        .onFailure()
        .recoverWithItem(failure -> SmtpFailures.describe(failure, server, password))
        .chain(
            failure -> {
              if (failure != null) {
                LOG.infof("send %s failed: %s", commandId, failure.reason());
                return attempts.failed(commandId, failure.reason(), failure.permanent());
              }
              // Settled as SENT first: from here on, whatever happens, it is never sent again.
              return attempts
                  .sent(commandId, null)
                  .chain(sent -> fileCopy(mailbox, password, mail, sent));
            })
        .map(Outcomes::of);
  }

  /** Files the copy in Sent; a failure is logged and the send still counts (sentFolder null). */
  private Uni<SendAttempt> fileCopy(
      MailboxSettings mailbox, String password, ComposedMail mail, SendAttempt sent) {
    // Another replica may have settled it meanwhile; only the one that sent it files the copy.
    if (sent.state != SendAttempt.State.SENT) {
      LOG.warnf("sent %s, but it had already been settled as %s elsewhere", sent, sent.state);
      return Uni.createFrom().item(sent);
    }
    if (sent.sentFolder != null) {
      return Uni.createFrom().item(sent);
    }
    MailServer imap = mailbox.imap();
    if (imap == null) {
      LOG.infof("sent %s; mailbox %s has no IMAP server to file a copy", sent.commandId, mailbox);
      return Uni.createFrom().item(sent);
    }
    ImapAccount account = new ImapAccount(imap, mailbox.username, password);
    return vertx
        .executeBlocking(() -> sentFolder.file(account, mailbox.sentFolder, mail.sentCopy()), false)
        .onFailure()
        .recoverWithItem(
            failure -> {
              LOG.warnf(
                  "sent %s but could not file it in Sent of %s: %s",
                  sent.commandId, mailbox, imapFailure(failure, password, mailbox.imap()));
              return null;
            })
        .chain(
            folder ->
                folder == null
                    ? Uni.createFrom().item(sent)
                    : attempts.filed(sent.commandId, folder));
  }

  private Uni<ContractRecord> resume(SendEmail command, SendAttempt attempt) {
    if (!attempt.tenantId.equals(command.tenantId())
        || !attempt.mailboxId.equals(command.mailboxId())) {
      LOG.warnf("command id %s reused for another tenant or mailbox; not sent", command.id());
      return Uni.createFrom().item(Outcomes.idConflict(command, Timestamps.now()));
    }
    if (attempt.state != SendAttempt.State.PENDING) {
      return Uni.createFrom().item(Outcomes.of(attempt));
    }
    Instant settledBy = attempt.createdAt.plus(config.inFlightGrace());
    Duration wait = Duration.between(Instant.now(), settledBy);
    if (!wait.isNegative() && !wait.isZero()) {
      // Another replica may still be sending it (rebalance): wait, then look again.
      Duration step = wait.compareTo(Duration.ofSeconds(5)) < 0 ? wait : Duration.ofSeconds(5);
      return delay(step)
          .chain(() -> attempts.find(command.id()))
          .chain(current -> resume(command, current));
    }
    return recover(attempt);
  }

  /** Settles an attempt interrupted mid-send, without sending it again. */
  private Uni<ContractRecord> recover(SendAttempt attempt) {
    return mailboxes
        .find(attempt.tenantId, attempt.mailboxId)
        .chain(
            mailbox -> {
              Uni<Optional<String>> filedIn;
              if (mailbox == null || mailbox.imap() == null || attempt.rfcMessageId == null) {
                filedIn = Uni.createFrom().item(Optional.empty());
              } else {
                filedIn = lookUpInSent(mailbox, attempt.rfcMessageId);
              }
              return filedIn.chain(
                  folder -> {
                    if (folder.isPresent()) {
                      LOG.infof("interrupted send %s found in %s", attempt.commandId, folder.get());
                      return attempts.sent(attempt.commandId, folder.get());
                    }
                    LOG.warnf("interrupted send %s not found in Sent; failed", attempt.commandId);
                    return attempts.failed(attempt.commandId, INTERRUPTED, false);
                  });
            })
        .map(Outcomes::of);
  }

  private Uni<Optional<String>> lookUpInSent(MailboxSettings mailbox, String rfcMessageId) {
    String password;
    try {
      password = openPassword(mailbox);
    } catch (SendFailure failure) {
      LOG.warnf("cannot check Sent of %s: %s", mailbox, failure.reason());
      return Uni.createFrom().item(Optional.empty());
    }
    ImapAccount account = new ImapAccount(mailbox.imap(), mailbox.username, password);
    return vertx
        .executeBlocking(() -> sentFolder.find(account, mailbox.sentFolder, rfcMessageId), false)
        .onFailure()
        .recoverWithItem(
            failure -> {
              LOG.warnf(
                  "cannot check Sent of %s: %s",
                  mailbox, imapFailure(failure, password, mailbox.imap()));
              return Optional.empty();
            });
  }

  private Uni<ContractRecord> reject(SendEmail command, SendFailure failure) {
    LOG.infof("send %s refused: %s", command.id(), failure.reason());
    return attempts
        .rejected(command, failure.reason(), failure.permanent())
        .chain(
            attempt ->
                attempt.state == SendAttempt.State.PENDING
                    ? resume(command, attempt)
                    : Uni.createFrom().item(Outcomes.of(attempt)));
  }

  private Uni<MailboxSettings> awaitMailbox(String tenantId, String mailboxId, long deadline) {
    return mailboxes
        .find(tenantId, mailboxId)
        .chain(
            found -> {
              if (found != null || System.nanoTime() >= deadline) {
                return Uni.createFrom().item(found);
              }
              return delay(MAILBOX_POLL).chain(() -> awaitMailbox(tenantId, mailboxId, deadline));
            });
  }

  /** A pause that resumes on the caller's Vert.x context, where the database session lives. */
  private Uni<Void> delay(Duration duration) {
    return Uni.createFrom()
        .emitter(
            emitter ->
                vertx.setTimer(Math.max(1, duration.toMillis()), id -> emitter.complete(null)));
  }

  private static void requireSmtp(MailboxSettings mailbox) {
    if (mailbox.smtp() == null) {
      throw SendFailure.permanent(
          "mailbox " + mailbox.mailboxId + " has no SMTP server configured");
    }
  }

  private String openPassword(MailboxSettings mailbox) {
    try {
      return credentials.open(mailbox);
    } catch (CredentialsUnavailable e) {
      // Not final: settings sealed with a key or format this replica does not know yet are
      // re-announced by the fetcher (at its start-up and with every change).
      throw SendFailure.transientFailure(e.getMessage());
    }
  }

  private SmtpAccount smtpAccount(MailboxSettings mailbox) {
    String fingerprint =
        String.join(
            "|",
            String.valueOf(mailbox.smtp()),
            String.valueOf(mailbox.username),
            String.valueOf(mailbox.credentialsKeyId),
            String.valueOf(mailbox.credentialsCiphertext));
    return new SmtpAccount(
        Keys.mailbox(mailbox.tenantId, mailbox.mailboxId),
        mailbox.smtp(),
        mailbox.username,
        () -> openPassword(mailbox),
        fingerprint);
  }

  /** The failure in the kernel's words for WARN; the server's own text only at DEBUG. */
  private static String imapFailure(Throwable failure, String password, MailServer imap) {
    LOG.debugf("IMAP failure: %s", SecretScrubber.scrub(String.valueOf(failure), password));
    return ConnectionFailure.of(failure, "IMAP", imap).textWithout(password);
  }
}
