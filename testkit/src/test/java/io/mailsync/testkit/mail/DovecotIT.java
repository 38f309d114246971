package io.mailsync.testkit.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The same contract against Dovecot, the strict, real server; skipped where it isn't installed. */
class DovecotIT extends ImapServerContract {

  private static Dovecot dovecot;

  @BeforeAll
  static void startDovecot() {
    if (!Dovecot.isInstalled()) {
      System.err.println("[testkit] SKIPPED DovecotIT: " + Dovecot.notInstalledReason());
    }
    assumeTrue(Dovecot.isInstalled(), Dovecot.notInstalledReason());
    dovecot = Dovecot.shared();
  }

  @Override
  MailAccount newAccount() {
    return dovecot.createAccount(uniqueAddress("acme.test"), "secret");
  }

  @Override
  void deliver(MailAccount account, TestMessage message) {
    dovecot.deliver(account, message.toBytes());
  }

  @Test
  void advertisesTheExtensionsTheFetcherReliesOn() throws Exception {
    try (ImapClient imap = ImapClient.connect(newAccount())) {
      for (String capability :
          new String[] {"CONDSTORE", "QRESYNC", "UIDPLUS", "MOVE", "IDLE", "SPECIAL-USE"}) {
        assertThat(imap.hasCapability(capability)).as(capability).isTrue();
      }
    }
  }

  @Test
  void rejectsAWrongPassword() {
    MailAccount account = newAccount();
    MailAccount wrong =
        new MailAccount(
            account.email(),
            account.login(),
            "not-the-password",
            account.host(),
            account.imapPort(),
            0);

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ImapClient.connect(wrong))
        .hasMessageContaining("IMAP login");
  }
}
