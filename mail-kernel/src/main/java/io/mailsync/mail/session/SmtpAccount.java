package io.mailsync.mail.session;

import io.mailsync.contracts.mailbox.MailServer;
import java.util.function.Supplier;

/**
 * How to log in to a mailbox's SMTP server. The password is opened by {@code password} only when a
 * connection authenticates; {@code fingerprint} changes whenever any setting does (including the
 * sealed credentials), so a cached client is never used with stale settings.
 */
public record SmtpAccount(
    String mailboxKey,
    MailServer server,
    String username,
    Supplier<String> password,
    String fingerprint) {

  @Override
  public String toString() {
    return "SmtpAccount[" + mailboxKey + ", " + server + ", " + username + "]";
  }
}
