package io.mailsync.fetcher.imap;

import io.mailsync.contracts.mailbox.MailServer;
import io.mailsync.fetcher.FetcherConfig;
import io.mailsync.mail.host.HostRefusedException;
import io.mailsync.mail.host.MailHostPolicy;
import io.mailsync.mail.session.ImapSessions;
import io.mailsync.mail.session.ImapTimeouts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.MessagingException;
import java.net.UnknownHostException;
import org.eclipse.angus.mail.imap.IMAPStore;

/** Opens authenticated IMAP sessions to the address the host check vetted just now. */
@ApplicationScoped
public class ImapConnector {

  private final MailHostPolicy hosts;
  private final ImapTimeouts timeouts;

  public ImapConnector(FetcherConfig config, MailHostPolicy hosts) {
    this.hosts = hosts;
    this.timeouts = new ImapTimeouts(config.connectTimeout(), config.readTimeout());
  }

  /**
   * @throws HostRefusedException when the setting is refused or the host now points at an internal
   *     address (DNS answers change between registration and now)
   */
  public IMAPStore connect(MailServer server, String username, String password)
      throws MessagingException, UnknownHostException, HostRefusedException {
    return ImapSessions.connect(hosts, server, username, password, timeouts);
  }
}
