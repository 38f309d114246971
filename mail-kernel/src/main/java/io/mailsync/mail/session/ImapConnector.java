package io.mailsync.mail.session;

import io.mailsync.contracts.mailbox.MailServer;
import io.mailsync.mail.host.HostRefusedException;
import io.mailsync.mail.host.MailHostPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.MessagingException;
import java.net.UnknownHostException;
import org.eclipse.angus.mail.imap.IMAPStore;

/**
 * Opens authenticated IMAP sessions for both services: vets the host now (DNS answers change
 * between registration and now) and logs in at the vetted address with the {@link ImapConfig}
 * timeouts.
 */
@ApplicationScoped
public class ImapConnector {

  private final MailHostPolicy hosts;
  private final ImapTimeouts timeouts;

  public ImapConnector(MailHostPolicy hosts, ImapConfig config) {
    this.hosts = hosts;
    this.timeouts = new ImapTimeouts(config.connectTimeout(), config.readTimeout());
  }

  /**
   * Blocking: call it from a worker or virtual thread.
   *
   * @throws HostRefusedException when the setting is refused or the host points inside
   * @throws UnknownHostException when the name does not resolve
   */
  public IMAPStore connect(MailServer server, String username, String password)
      throws MessagingException, UnknownHostException, HostRefusedException {
    return ImapSessions.connect(
        hosts.vet(server.host(), server.port()), server, username, password, timeouts);
  }
}
