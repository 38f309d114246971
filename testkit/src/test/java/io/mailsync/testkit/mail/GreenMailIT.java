package io.mailsync.testkit.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GreenMailIT extends ImapServerContract {

  private final GreenMailServer server = GreenMailServer.shared();

  @Override
  MailAccount newAccount() {
    return server.createAccount(uniqueAddress("acme.test"), "secret");
  }

  /** GreenMail's delivery path is its SMTP server, as a remote sender would use it. */
  @Override
  void deliver(MailAccount account, TestMessage message) {
    server.sendOverSmtp(message);
  }

  @Test
  void deliversAnEmlFile(@TempDir Path dir) throws Exception {
    MailAccount account = newAccount();
    Path eml = dir.resolve("quote.eml");
    Files.writeString(
        eml,
        "From: Bob <bob@customer.test>\r\nTo: "
            + account.email()
            + "\r\nSubject: From a file\r\n"
            + "Message-ID: <file-1@customer.test>\r\nDate: Mon, 23 Nov 2026 09:00:00 +0000\r\n\r\nBody\r\n",
        StandardCharsets.US_ASCII);

    server.deliverEml(account, eml);

    try (ImapClient imap = ImapClient.connect(account)) {
      assertThat(imap.read("INBOX"))
          .extracting(ImapClient.FetchedMail::messageId)
          .containsExactly("<file-1@customer.test>");
    }
  }
}
