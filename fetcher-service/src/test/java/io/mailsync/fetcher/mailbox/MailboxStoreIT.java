package io.mailsync.fetcher.mailbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.mailsync.contracts.mailbox.MailServer;
import io.mailsync.contracts.mailbox.MailboxConfigured;
import io.mailsync.contracts.mailbox.SealedCredentials;
import io.mailsync.fetcher.credentials.CredentialSeals;
import io.mailsync.rest.UniqueViolation;
import io.mailsync.testkit.auth.JwtResource;
import io.mailsync.testkit.cdc.CdcResource;
import io.mailsync.testkit.kafka.KafkaResource;
import io.mailsync.testkit.postgres.PostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The store's queries on real PostgreSQL: arrays, compare-and-set updates, scoping, paging. */
@QuarkusTest
@WithTestResource(KafkaResource.class)
@WithTestResource(PostgresResource.class)
@WithTestResource(JwtResource.class)
@WithTestResource(CdcResource.class)
class MailboxStoreIT {

  @Inject MailboxStore store;
  @Inject MailboxChanges changes;
  @Inject CredentialSeals seals;
  @Inject DataSource dataSource;

  private final String tenant = "tenant-" + UUID.randomUUID();

  @Test
  void foldersAreATextArrayAndComeBackAsWritten() throws SQLException {
    List<String> folders =
        List.of("INBOX", "Archiv, \"2024\"", "{braces}", "Entwürfe/Ünïcødé", "back\\slash", "NULL");
    Mailbox mailbox = mailbox("user-1", "folders@crm.test", folders);
    changes.commitRegistration(mailbox, "password");

    assertThat(store.find(mailbox.id).orElseThrow().folders).containsExactlyElementsOf(folders);
    try (Connection c = dataSource.getConnection();
        PreparedStatement select =
            c.prepareStatement(
                "SELECT folders[2], cardinality(folders) FROM fetcher.mailbox WHERE id = ?")) {
      select.setObject(1, mailbox.id);
      try (ResultSet row = select.executeQuery()) {
        assertThat(row.next()).isTrue();
        assertThat(row.getString(1)).isEqualTo("Archiv, \"2024\"");
        assertThat(row.getInt(2)).isEqualTo(folders.size());
      }
    }
    Mailbox none = mailbox("user-1", "no-folders@crm.test", List.of());
    changes.commitRegistration(none, "password");
    assertThat(store.find(none.id).orElseThrow().folders).isEmpty();
  }

  @Test
  void aSecondAccountWithTheSameAddressIsAConflictAndNothingIsStored() {
    changes.commitRegistration(mailbox("user-1", "twice@crm.test", List.of()), "password");
    Mailbox again = mailbox("user-2", "Twice@crm.test", List.of());

    Throwable refused = catchThrowable(() -> changes.commitRegistration(again, "password"));
    // The key the REST layer answers as a conflict naming emailAddress is the one that refused it.
    assertThat(UniqueViolation.in(refused))
        .hasValueSatisfying(v -> assertThat(v.of(MailboxStore.ADDRESS_TAKEN)).isTrue());
    assertThat(store.find(again.id)).isEmpty();
    assertThat(store.listForOwner(tenant, "user-2")).isEmpty();
  }

  @Test
  void queriesForCallersStayInTheirTenantAndWithTheirOwner() {
    Mailbox mine = mailbox("user-1", "mine@crm.test", List.of());
    changes.commitRegistration(mine, "password");
    String otherTenant = "tenant-" + UUID.randomUUID();

    assertThat(store.findForOwner(tenant, "user-1", mine.id)).isPresent();
    assertThat(store.findForOwner(tenant, "user-2", mine.id)).isEmpty();
    assertThat(store.findForOwner(otherTenant, "user-1", mine.id)).isEmpty();
    assertThat(store.listForOwner(otherTenant, "user-1")).isEmpty();
    assertThat(store.listForOwner(tenant, "user-1")).extracting(m -> m.id).contains(mine.id);
  }

  @Test
  void aResealSwapsOnlyTheCiphertextItWasGiven() {
    Mailbox mailbox = mailbox("user-1", "reseal@crm.test", List.of());
    changes.commitRegistration(mailbox, "password");
    SealedCredentials original = mailbox.sealedPassword();
    SealedCredentials resealed = new SealedCredentials("atrest2", "AES-GCM", "resealed");

    store.resealPassword(mailbox.id, original, resealed);
    assertThat(store.find(mailbox.id).orElseThrow().sealedPassword()).isEqualTo(resealed);

    // A late re-seal of the old ciphertext finds another one there and changes nothing.
    store.resealPassword(
        mailbox.id, original, new SealedCredentials("atrest3", "AES-GCM", "stale"));
    assertThat(store.find(mailbox.id).orElseThrow().sealedPassword()).isEqualTo(resealed);
  }

  @Test
  void aRegistrationRecordsItsTransportKeyAndOnlyOtherKeysCountAsStale() {
    Mailbox mailbox = mailbox("user-1", "keys@crm.test", List.of());
    changes.commitRegistration(mailbox, "password");
    String transport = seals.transportKeyId();
    String atRest = mailbox.passwordKeyId;

    assertThat(store.find(mailbox.id).orElseThrow().announcedTransportKeyId).isEqualTo(transport);
    assertThat(ids(store.sealedWithOtherKeys(transport, atRest, null, Integer.MAX_VALUE)))
        .doesNotContain(mailbox.id);
    assertThat(ids(store.sealedWithOtherKeys("transport9", atRest, null, Integer.MAX_VALUE)))
        .contains(mailbox.id);
    assertThat(ids(store.sealedWithOtherKeys(transport, "atrest9", null, Integer.MAX_VALUE)))
        .contains(mailbox.id);

    store.markAnnounced(mailbox.id, "transport0");
    assertThat(ids(store.sealedWithOtherKeys(transport, atRest, null, Integer.MAX_VALUE)))
        .contains(mailbox.id);
  }

  private static List<UUID> ids(List<Mailbox> mailboxes) {
    return mailboxes.stream().map(m -> m.id).toList();
  }

  @Test
  void checkpointsMoveForwardUnderOneUidValidityAndRestartUnderANewOne() {
    Mailbox mailbox = mailbox("user-1", "checkpoints@crm.test", List.of());
    changes.commitRegistration(mailbox, "password");

    store.startInitialSync(mailbox.id, "INBOX", 7);
    assertThat(checkpoint(mailbox, "INBOX")).isEqualTo(new Progress(7, 0, true));
    store.saveCheckpoint(mailbox.id, "INBOX", 7, 10);
    store.saveCheckpoint(mailbox.id, "INBOX", 7, 4); // a late writer can't move it back
    assertThat(checkpoint(mailbox, "INBOX")).isEqualTo(new Progress(7, 10, true));
    store.completeInitialSync(mailbox.id, "INBOX", 8, 50); // another UIDVALIDITY: not this one
    assertThat(checkpoint(mailbox, "INBOX")).isEqualTo(new Progress(7, 10, true));
    store.completeInitialSync(mailbox.id, "INBOX", 7, 20);
    assertThat(checkpoint(mailbox, "INBOX")).isEqualTo(new Progress(7, 20, false));

    store.saveCheckpoint(mailbox.id, "INBOX", 9, 3); // the UIDs were reset
    assertThat(checkpoint(mailbox, "INBOX")).isEqualTo(new Progress(9, 3, false));
    store.startInitialSync(mailbox.id, "INBOX", 11);
    assertThat(checkpoint(mailbox, "INBOX")).isEqualTo(new Progress(11, 0, true));

    store.saveCheckpoint(mailbox.id, "Sent", 1, 5);
    assertThat(store.checkpoints(List.of(mailbox.id)).get(mailbox.id))
        .extracting(c -> c.folder)
        .containsExactly("INBOX", "Sent");
  }

  @Test
  void pagesWalkEveryMailboxOnceInIdOrder() {
    List<UUID> mine = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      Mailbox mailbox = mailbox("pager", "page" + i + "@crm.test", List.of());
      changes.commitRegistration(mailbox, "password");
      mine.add(mailbox.id);
    }
    List<UUID> walked = new ArrayList<>();
    UUID after = null;
    while (true) {
      // Under key ids nothing was sealed with, every mailbox is stale: the sweep walks them all.
      List<Mailbox> page = store.sealedWithOtherKeys("transport9", "atrest9", after, 2);
      page.forEach(m -> walked.add(m.id));
      if (page.size() < 2) {
        break;
      }
      after = page.getLast().id;
    }
    // PostgreSQL orders uuids by their bytes, as their text sorts (not as UUID.compareTo does).
    assertThat(walked)
        .doesNotHaveDuplicates()
        .containsAll(mine)
        .isSortedAccordingTo(Comparator.comparing(UUID::toString));
  }

  @Test
  void syncStatusUpdatesReachTheRow() {
    Mailbox mailbox = mailbox("user-1", "status@crm.test", List.of());
    changes.commitRegistration(mailbox, "password");
    Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);

    store.markSyncing(mailbox.id);
    assertThat(store.find(mailbox.id).orElseThrow().syncStatus).isEqualTo(SyncStatus.SYNCING);
    Instant next = at.plusSeconds(30);
    store.syncFailed(mailbox.id, "could not connect", 2, next);
    store.messageUnreadable(mailbox.id, "message UID 3 could not be read");
    Mailbox failed = store.find(mailbox.id).orElseThrow();
    assertThat(failed.syncStatus).isEqualTo(SyncStatus.ERROR);
    assertThat(failed.syncError).isEqualTo("could not connect");
    assertThat(failed.consecutiveFailures).isEqualTo(2);
    assertThat(failed.nextAttemptAt).isEqualTo(next);
    store.loginRefused(mailbox.id, "IMAP login refused by imap.crm.test:993");
    assertThat(store.find(mailbox.id).orElseThrow().syncStatus).isEqualTo(SyncStatus.AUTH_FAILED);
    assertThat(store.retryNow(mailbox.tenantId, "user-2", mailbox.id)).isFalse();
    assertThat(store.find(mailbox.id).orElseThrow().syncStatus).isEqualTo(SyncStatus.AUTH_FAILED);
    assertThat(store.retryNow(mailbox.tenantId, mailbox.ownerUserId, mailbox.id)).isTrue();
    Mailbox retried = store.find(mailbox.id).orElseThrow();
    assertThat(retried.syncStatus).isEqualTo(SyncStatus.ERROR);
    assertThat(retried.syncError).isEqualTo("IMAP login refused by imap.crm.test:993");
    assertThat(retried.consecutiveFailures).isZero();
    assertThat(retried.nextAttemptAt).isNull();
    store.syncFailed(mailbox.id, "could not connect", 1, next);
    store.syncSucceeded(mailbox.id, at);
    Mailbox ok = store.find(mailbox.id).orElseThrow();
    assertThat(ok.syncStatus).isEqualTo(SyncStatus.OK);
    assertThat(ok.syncError).isNull();
    assertThat(ok.consecutiveFailures).isZero();
    assertThat(ok.nextAttemptAt).isNull();
    assertThat(ok.lastSyncAt).isEqualTo(at);
    assertThat(ok.lastMessageError).isEqualTo("message UID 3 could not be read");
  }

  private record Progress(long uidValidity, long lastUid, boolean initialSyncPending) {}

  private Progress checkpoint(Mailbox mailbox, String folder) {
    FolderCheckpoint checkpoint = store.checkpoint(mailbox.id, folder).orElseThrow();
    return new Progress(checkpoint.uidValidity, checkpoint.lastUid, checkpoint.initialSyncPending);
  }

  private Mailbox mailbox(String owner, String email, List<String> folders) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    Mailbox mailbox = new Mailbox();
    mailbox.id = UUID.randomUUID();
    mailbox.tenantId = tenant;
    mailbox.ownerUserId = owner;
    mailbox.emailAddress = email;
    mailbox.username = email;
    mailbox.passwordKeyId = "atrest1";
    mailbox.passwordAlgorithm = "AES-GCM";
    mailbox.passwordCiphertext = "sealed-" + UUID.randomUUID();
    mailbox.imapHost = "imap.crm.test";
    mailbox.imapPort = 993;
    mailbox.imapSecurity = MailServer.Security.SSL;
    mailbox.smtpHost = "smtp.crm.test";
    mailbox.smtpPort = 587;
    mailbox.smtpSecurity = MailServer.Security.STARTTLS;
    mailbox.folders = folders;
    mailbox.state = MailboxConfigured.State.ACTIVE;
    mailbox.configVersion = 1;
    mailbox.syncStatus = SyncStatus.PENDING;
    mailbox.createdAt = now;
    mailbox.updatedAt = now;
    return mailbox;
  }
}
