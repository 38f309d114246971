package io.mailsync.fetcher.mailbox;

import io.mailsync.contracts.DeterministicIds;
import io.mailsync.contracts.mailbox.MailboxConfigured;
import io.mailsync.fetcher.FetcherConfig;
import io.mailsync.fetcher.credentials.CredentialSeals;
import io.mailsync.fetcher.publish.MailboxPublisher;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Puts mailbox settings on the compacted mailboxes topic, the password sealed with the transport
 * key. The row is written first; a publish that fails is retried on every poll until the broker
 * acknowledges it, and at start-up every account is announced again (the topic keeps the latest
 * record per key, so repeating one changes nothing).
 */
@ApplicationScoped
public class MailboxAnnouncer {

  private static final Logger LOG = Logger.getLogger(MailboxAnnouncer.class);
  private static final int PAGE = 200;

  private final MailboxStore store;
  private final CredentialSeals seals;
  private final MailboxPublisher publisher;
  private final FetcherConfig config;

  public MailboxAnnouncer(
      MailboxStore store, CredentialSeals seals, MailboxPublisher publisher, FetcherConfig config) {
    this.store = store;
    this.seals = seals;
    this.publisher = publisher;
    this.config = config;
  }

  /** Announces a mailbox whose clear password the caller holds; true once acknowledged. */
  public boolean announce(Mailbox mailbox, String password) {
    try {
      publisher
          .publish(event(mailbox, password))
          .subscribeAsCompletionStage()
          .get(config.publishTimeout().toMillis(), TimeUnit.MILLISECONDS);
      store.markPublished(mailbox.id, mailbox.configVersion);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (Exception e) {
      LOG.warnf(
          "mailbox %s not announced yet (%s); retrying on the next poll", mailbox.id, e.toString());
      return false;
    }
  }

  /** Announces a stored mailbox, opening its password with the at-rest key. */
  public boolean announce(Mailbox mailbox) {
    String password;
    try {
      password =
          seals.openAtRest(mailbox.sealedPassword(), mailbox.tenantId, mailbox.id.toString());
    } catch (IllegalArgumentException e) {
      LOG.errorf(
          "mailbox %s: stored password does not open with at-rest key %s; not announced",
          mailbox.id, mailbox.passwordKeyId);
      return false;
    }
    if (seals.needsResealing(mailbox.sealedPassword())) {
      store.resealPassword(
          mailbox.id,
          mailbox.sealedPassword(),
          seals.sealAtRest(password, mailbox.tenantId, mailbox.id.toString()));
    }
    return announce(mailbox, password);
  }

  @Scheduled(
      identity = "announce-unpublished-mailboxes",
      every = "${mailsync.fetcher.poll-interval:30s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void announcePending() {
    try {
      for (Mailbox mailbox : store.unpublished(PAGE)) {
        if (!announce(mailbox)) {
          return; // the broker is likely unavailable; the next poll tries again
        }
      }
    } catch (RuntimeException e) {
      LOG.warnf("announcing unpublished mailboxes failed: %s", e.toString());
    }
  }

  void announceAllOnStart(@Observes StartupEvent start) {
    Thread.ofVirtual().name("announce-mailboxes").start(this::announceAll);
  }

  /** Re-publishes every account, so a publish lost before its row was marked heals. */
  void announceAll() {
    try {
      UUID after = null;
      int announced = 0;
      while (true) {
        List<Mailbox> page = store.pageAfter(after, PAGE);
        for (Mailbox mailbox : page) {
          if (announce(mailbox)) {
            announced++;
          }
        }
        if (page.size() < PAGE) {
          break;
        }
        after = page.getLast().id;
      }
      LOG.infof("announced %d mailbox account(s) at start-up", announced);
    } catch (RuntimeException e) {
      LOG.warnf("announcing mailbox accounts at start-up failed: %s", e.toString());
    }
  }

  MailboxConfigured event(Mailbox mailbox, String password) {
    String mailboxId = mailbox.id.toString();
    return new MailboxConfigured(
        eventId(mailbox.id, mailbox.configVersion),
        mailbox.tenantId,
        mailbox.updatedAt,
        mailboxId,
        mailbox.ownerUserId,
        mailbox.emailAddress,
        mailbox.imap(),
        mailbox.smtp(),
        mailbox.username,
        seals.sealForTransport(password, mailbox),
        mailbox.folders,
        mailbox.sentFolder,
        mailbox.state);
  }

  /** Same settings version, same event id: consumers can drop repeats. */
  static String eventId(UUID mailboxId, long configVersion) {
    return DeterministicIds.of("mailbox-configured", mailboxId, configVersion);
  }
}
