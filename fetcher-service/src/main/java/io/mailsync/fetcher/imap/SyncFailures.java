package io.mailsync.fetcher.imap;

import io.mailsync.contracts.mailbox.MailServer;
import io.mailsync.mail.secret.SecretScrubber;
import io.mailsync.mail.session.ConnectionFailure;

/** Turns what went wrong talking to a mail server into a reason a user can act on. */
final class SyncFailures {

  static String describe(Throwable failure, MailServer server, String password) {
    String text = ConnectionFailure.of(failure, "IMAP", server.host() + ":" + server.port()).text();
    return SecretScrubber.scrub(text, password);
  }

  private SyncFailures() {}
}
