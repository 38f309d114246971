package io.mailsync.testkit.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every IMAP server of the kit must do for our tests; run against GreenMail and Dovecot. */
abstract class ImapServerContract {

  /** A new account on the server under test. */
  abstract MailAccount newAccount();

  /** Puts a message into the account's INBOX through the server's own delivery path. */
  abstract void deliver(MailAccount account, TestMessage message);

  @Test
  void deliveredMessageIsReadOverImap() throws Exception {
    MailAccount account = newAccount();
    TestMessage message =
        TestMessage.from("bob@customer.test")
            .to(account.email())
            .subject("Quote for 20 seats")
            .text("Hello")
            .html("<p>Hello</p>");

    deliver(account, message);

    try (ImapClient imap = ImapClient.connect(account)) {
      List<ImapClient.FetchedMail> inbox = imap.read("INBOX");
      assertThat(inbox).hasSize(1);
      assertThat(inbox.get(0).messageId()).isEqualTo(message.messageId());
      assertThat(inbox.get(0).subject()).isEqualTo("Quote for 20 seats");
      assertThat(inbox.get(0).from()).isEqualTo("bob@customer.test");
      assertThat(inbox.get(0).uid()).isPositive();
    }
  }

  @Test
  void idleAnnouncesANewMessage() throws Exception {
    MailAccount account = newAccount();
    try (ImapClient imap = ImapClient.connect(account)) {
      int announced =
          imap.awaitNewMessagesWithIdle(
              "INBOX",
              () ->
                  deliver(
                      account,
                      TestMessage.from("carol@customer.test").to(account.email()).subject("ping")),
              Duration.ofSeconds(20));

      assertThat(announced).isEqualTo(1);
    }
  }

  @Test
  void appendedMessageLandsInTheNamedFolder() throws Exception {
    MailAccount account = newAccount();
    TestMessage sent =
        TestMessage.from(account.email())
            .to("bob@customer.test")
            .subject("Re: Quote")
            .text("Thanks");

    try (ImapClient imap = ImapClient.connect(account)) {
      imap.append("Sent", sent.toBytes());

      assertThat(imap.read("Sent"))
          .extracting(ImapClient.FetchedMail::messageId)
          .containsExactly(sent.messageId());
      assertThat(imap.read("INBOX")).isEmpty();
    }
  }

  static String uniqueAddress(String domain) {
    return "user-" + UUID.randomUUID().toString().substring(0, 8) + "@" + domain;
  }
}
