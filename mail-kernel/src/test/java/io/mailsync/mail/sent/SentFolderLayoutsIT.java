package io.mailsync.mail.sent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mailsync.contracts.mailbox.MailServer;
import io.mailsync.mail.host.MailHostPolicy;
import io.mailsync.mail.host.VettedServer;
import io.mailsync.mail.session.ImapSessions;
import io.mailsync.mail.session.ImapTimeouts;
import io.mailsync.testkit.mail.Dovecot;
import io.mailsync.testkit.mail.MailAccount;
import jakarta.mail.Folder;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.junit.jupiter.api.Test;

/**
 * The Sent folder on real servers whose layouts differ, as both services see it: the sender files
 * into {@code SentFolders.resolve} (creating the folder when it does not exist) and the fetcher
 * syncs what the same call finds, so the folder filed into is the folder synced.
 */
class SentFolderLayoutsIT {

  private static final ImapTimeouts TIMEOUTS =
      new ImapTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(20));

  @Test
  void courierStyleServerWithInboxSent() throws Exception {
    try (Server server = Server.start(Dovecot.Layout.INBOX_NAMESPACE)) {
      server.create("INBOX.Drafts");
      server.create("INBOX.Sent");

      assertThat(server.resolve()).isEqualTo(new SentFolderChoice("INBOX.Sent", true));
    }
  }

  @Test
  void courierStyleServerWithoutSentGetsOneBelowInbox() throws Exception {
    try (Server server = Server.start(Dovecot.Layout.INBOX_NAMESPACE)) {
      SentFolderChoice forTheSender = server.resolve();
      assertThat(forTheSender).isEqualTo(new SentFolderChoice("INBOX.Sent", false));

      server.create(forTheSender.folder()); // what the sender does before filing

      assertThat(server.resolve()).isEqualTo(new SentFolderChoice("INBOX.Sent", true));
    }
  }

  @Test
  void serverWhoseOnlySentFolderIsUpperCaseSent() throws Exception {
    try (Server server = Server.start(Dovecot.Layout.PLAIN)) {
      server.create("SENT");
      server.create("Archive");

      assertThat(server.resolve()).isEqualTo(new SentFolderChoice("SENT", true));
    }
  }

  @Test
  void specialUseSentWinsOnAStandardServer() throws Exception {
    try (Server server = Server.start(Dovecot.Layout.STANDARD)) {
      server.create("Sent Items");

      assertThat(server.resolve()).isEqualTo(new SentFolderChoice("Sent", true));
    }
  }

  private record Server(Dovecot dovecot, IMAPStore store) implements AutoCloseable {

    static Server start(Dovecot.Layout layout) throws Exception {
      assumeTrue(Dovecot.isInstalled(), Dovecot.notInstalledReason());
      Dovecot dovecot = Dovecot.start(layout);
      MailAccount account =
          dovecot.createAccount("sent-" + UUID.randomUUID() + "@example.test", "pw-sent");
      MailServer server =
          new MailServer(account.host(), account.imapPort(), MailServer.Security.NONE, false);
      VettedServer vetted =
          new MailHostPolicy(true, List.of("1-65535")).vet(server.host(), server.port());
      IMAPStore store =
          ImapSessions.connect(vetted, server, account.login(), account.password(), TIMEOUTS);
      return new Server(dovecot, store);
    }

    void create(String name) throws Exception {
      Folder folder = store.getFolder(name);
      assertThat(folder.create(Folder.HOLDS_MESSAGES)).isTrue();
    }

    SentFolderChoice resolve() throws Exception {
      return SentFolders.resolve(store, null);
    }

    @Override
    public void close() throws Exception {
      store.close();
      dovecot.stop();
    }
  }
}
