package io.mailsync.fetcher.mailbox;

import io.mailsync.fetcher.credentials.CredentialSeals;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Completes key rotations at start-up: every mailbox whose last announcement was sealed with
 * another transport key (or never recorded one), or whose password is stored under another at-rest
 * key, is re-sealed and announced again, each in its own transaction. Runs beside the service's
 * work, on a virtual thread; a mailbox it cannot open stays as it is and is logged.
 */
@ApplicationScoped
public class KeyRotationSweep {

  private static final Logger LOG = Logger.getLogger(KeyRotationSweep.class);
  private static final int PAGE = 200;

  private final MailboxStore store;
  private final MailboxChanges changes;
  private final CredentialSeals seals;

  public KeyRotationSweep(MailboxStore store, MailboxChanges changes, CredentialSeals seals) {
    this.store = store;
    this.changes = changes;
    this.seals = seals;
  }

  void onStart(@Observes StartupEvent start) {
    Thread.ofVirtual().name("key-rotation-sweep").start(this::sweep);
  }

  /** Re-seals and re-announces what older keys sealed; returns how many were announced. */
  public int sweep() {
    int announced = 0;
    try {
      UUID after = null;
      while (true) {
        List<Mailbox> page =
            store.sealedWithOtherKeys(seals.transportKeyId(), seals.atRestKeyId(), after, PAGE);
        for (Mailbox mailbox : page) {
          if (changes.reseal(mailbox.id)) {
            announced++;
          }
        }
        if (page.size() < PAGE) {
          break;
        }
        after = page.getLast().id;
      }
      if (announced > 0) {
        LOG.infof("announced %d mailbox account(s) again under the current keys", announced);
      }
    } catch (RuntimeException e) {
      LOG.warnf("re-sealing mailbox accounts at start-up failed: %s", e.toString());
    }
    return announced;
  }
}
