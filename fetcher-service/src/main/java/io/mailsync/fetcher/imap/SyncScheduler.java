package io.mailsync.fetcher.imap;

import io.mailsync.fetcher.FetcherConfig;
import io.mailsync.fetcher.assignment.MailboxAssignments;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.jboss.logging.Logger;

/**
 * Every poll interval, starts a sync of each assigned, active mailbox that is not already syncing
 * and not backing off after a failure (a mailbox whose login was refused waits for the user). Each
 * mailbox syncs on its own virtual thread, so a slow or failing mailbox never holds up the others;
 * a semaphore bounds how many talk to mail servers at once.
 */
@ApplicationScoped
public class SyncScheduler {

  private static final Logger LOG = Logger.getLogger(SyncScheduler.class);

  private final MailboxAssignments assignments;
  private final MailboxSync sync;
  private final Semaphore permits;
  private final Set<UUID> running = ConcurrentHashMap.newKeySet();
  private final ExecutorService workers =
      Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("mailbox-sync-", 0).factory());

  public SyncScheduler(MailboxAssignments assignments, MailboxSync sync, FetcherConfig config) {
    this.assignments = assignments;
    this.sync = sync;
    this.permits = new Semaphore(Math.max(1, config.maxConcurrentSyncs()));
  }

  /** Every {@link FetcherConfig#pollInterval()}: the expression reads the mapping's default. */
  @Scheduled(
      identity = "sync-assigned-mailboxes",
      every = "${mailsync.fetcher.poll-interval}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void poll() {
    for (UUID mailboxId : assignments.active()) {
      if (running.add(mailboxId)) {
        workers.execute(() -> syncInTurn(mailboxId));
      }
    }
  }

  private void syncInTurn(UUID mailboxId) {
    try {
      permits.acquire();
      try {
        sync.syncWhenDue(mailboxId);
      } finally {
        permits.release();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.warnf("sync of mailbox %s stopped: %s", mailboxId, e.toString());
    } finally {
      running.remove(mailboxId);
    }
  }

  @PreDestroy
  void stop() {
    workers.shutdownNow();
  }
}
