package io.mailsync.contracts;

import io.mailsync.contracts.link.Link;
import io.mailsync.contracts.link.LinkRule;
import io.mailsync.contracts.link.LinkTarget;
import io.mailsync.contracts.link.MessageLinked;
import io.mailsync.contracts.link.MessageUnmatched;
import io.mailsync.contracts.mailbox.MailServer;
import io.mailsync.contracts.mailbox.MailboxConfigured;
import io.mailsync.contracts.mailbox.SealedCredentials;
import io.mailsync.contracts.message.AttachmentMetadata;
import io.mailsync.contracts.message.FetchedCopy;
import io.mailsync.contracts.message.MessageBody;
import io.mailsync.contracts.message.MessageFetched;
import io.mailsync.contracts.message.Participant;
import io.mailsync.contracts.send.EmailAddress;
import io.mailsync.contracts.send.EmailSendFailed;
import io.mailsync.contracts.send.EmailSent;
import io.mailsync.contracts.send.SendEmail;
import java.time.Instant;
import java.util.List;

/**
 * One sample per contract record with every field set, so that serializing it exercises every field
 * against the schema.
 */
final class ContractSamples {

  static final String TENANT = "tenant-acme";
  static final Instant NOW = Instant.parse("2026-11-23T09:15:30.123Z");
  static final String MESSAGE_KEY =
      MessageKey.of(
          MessageIdentity.withMessageId(
              "<CAF1x@mail.example.com>",
              "bob@customer.test",
              Instant.parse("2026-11-23T09:14:02Z")));

  static ContractRecord sample(EventType type) {
    return switch (type) {
      case MESSAGE_FETCHED -> messageFetched();
      case MESSAGE_LINKED ->
          new MessageLinked(
              "7a1f2c3d-0000-4000-8000-000000000002",
              TENANT,
              NOW,
              MESSAGE_KEY,
              copy().eventId(),
              List.of(
                  new Link(
                      new LinkTarget(LinkTarget.Type.CONTACT, "contact-1"),
                      LinkRule.CONTACT_ADDRESS),
                  new Link(
                      new LinkTarget(LinkTarget.Type.COMPANY, "company-1"),
                      LinkRule.COMPANY_DOMAIN)),
              true);
      case MESSAGE_UNMATCHED ->
          new MessageUnmatched(
              "7a1f2c3d-0000-4000-8000-000000000003",
              TENANT,
              NOW,
              MESSAGE_KEY,
              copy().eventId(),
              MessageUnmatched.Reason.NO_PARTICIPANT_MATCHED,
              "no contact or company domain among 3 participants");
      case MAILBOX_CONFIGURED ->
          new MailboxConfigured(
              "7a1f2c3d-0000-4000-8000-000000000004",
              TENANT,
              NOW,
              "mailbox-1",
              "user-1",
              "ann@acme.test",
              new MailServer("imap.acme.test", 993, MailServer.Security.SSL, false),
              new MailServer("smtp.acme.test", 587, MailServer.Security.STARTTLS, true),
              "ann@acme.test",
              new SealedCredentials("k1", "AES-256-GCM", "q83vEjRWeJA="),
              List.of("INBOX", "Sent"),
              "Sent",
              MailboxConfigured.State.ACTIVE);
      case SEND_EMAIL ->
          new SendEmail(
              "7a1f2c3d-0000-4000-8000-000000000005",
              TENANT,
              NOW,
              "mailbox-1",
              "user-1",
              List.of(new EmailAddress("bob@customer.test", "Bob Buyer")),
              List.of(new EmailAddress("carol@customer.test", null)),
              List.of(new EmailAddress("archive@acme.test", "Archive")),
              "Re: Quote",
              "Thanks, Bob.",
              "<p>Thanks, Bob.</p>",
              "<CAF1x@mail.example.com>",
              List.of("<CAF1x@mail.example.com>"));
      case EMAIL_SENT ->
          new EmailSent(
              "7a1f2c3d-0000-4000-8000-000000000006",
              TENANT,
              NOW,
              "7a1f2c3d-0000-4000-8000-000000000005",
              "mailbox-1",
              "<mailsync.7a1f2c3d@acme.test>",
              MessageKey.of(
                  MessageIdentity.withMessageId(
                      "<mailsync.7a1f2c3d@acme.test>", "ann@acme.test", NOW)),
              "Sent");
      case EMAIL_SEND_FAILED ->
          new EmailSendFailed(
              "7a1f2c3d-0000-4000-8000-000000000007",
              TENANT,
              NOW,
              "7a1f2c3d-0000-4000-8000-000000000005",
              "mailbox-1",
              "550 5.1.1 recipient unknown",
              true);
    };
  }

  static FetchedCopy copy() {
    return new FetchedCopy("mailbox-1", "INBOX", 1_700_000_000L, 42L);
  }

  static MessageFetched messageFetched() {
    return new MessageFetched(
        copy().eventId(),
        TENANT,
        NOW,
        copy(),
        MESSAGE_KEY,
        "<CAF1x@mail.example.com>",
        "<CAF0a@mail.example.com>",
        List.of("<CAF0a@mail.example.com>"),
        "Quote for 20 seats",
        Instant.parse("2026-11-23T09:00:00Z"),
        Instant.parse("2026-11-23T09:00:05Z"),
        List.of(
            new Participant(Participant.Role.FROM, "bob@customer.test", "Bob Buyer"),
            new Participant(Participant.Role.TO, "ann@acme.test", null)),
        new MessageBody("Hello Ann", "<p>Hello Ann</p>", false, true),
        List.of(
            new AttachmentMetadata("2", "quote.pdf", "application/pdf", 48_213L, "q1@x", false)),
        true,
        "line 12: unterminated multipart boundary");
  }

  private ContractSamples() {}
}
