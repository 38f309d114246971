package io.mailsync.mail.session;

import io.mailsync.contracts.mailbox.MailServer;
import io.mailsync.mail.host.VettedServer;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.util.Properties;
import org.eclipse.angus.mail.imap.IMAPStore;

/**
 * Opens IMAP sessions the one way both services need them: to the vetted address, with timeouts,
 * the configured TLS mode and certificate choice, and reads that never mark mail read. The services
 * connect through {@link ImapConnector}, which vets the host first.
 */
public final class ImapSessions {

  /** Bytes fetched per round trip for large messages. */
  private static final int FETCH_SIZE = 1024 * 1024;

  /** Connects and logs in at an address vetted just before. Blocking. */
  public static IMAPStore connect(
      VettedServer vetted,
      MailServer server,
      String username,
      String password,
      ImapTimeouts timeouts)
      throws MessagingException {
    Session session = session(vetted, server, timeouts);
    IMAPStore store = (IMAPStore) session.getStore(protocol(server));
    store.connect(vetted.host(), vetted.port(), username, password);
    return store;
  }

  /** A session whose sockets go to the vetted address only. */
  private static Session session(VettedServer vetted, MailServer server, ImapTimeouts timeouts) {
    return Session.getInstance(properties(vetted, server, timeouts));
  }

  private static Properties properties(
      VettedServer vetted, MailServer server, ImapTimeouts timeouts) {
    String p = "mail." + protocol(server) + ".";
    Properties props = new Properties();
    props.put(p + "connectiontimeout", Long.toString(timeouts.connect().toMillis()));
    props.put(p + "timeout", Long.toString(timeouts.read().toMillis()));
    props.put(p + "writetimeout", Long.toString(timeouts.read().toMillis()));
    props.put(p + "socketFactory", new PinnedSocketFactory(vetted));
    // Never fall back to a plain connection by name when the pinned socket fails.
    props.put(p + "socketFactory.fallback", "false");
    // BODY.PEEK[]: reading a message must not mark it read.
    props.put(p + "peek", "true");
    props.put(p + "partialfetch", "true");
    props.put(p + "fetchsize", Integer.toString(FETCH_SIZE));
    MailServer.Security security = server.security();
    switch (security) {
      case NONE -> props.put(p + "starttls.enable", "false");
      case STARTTLS -> {
        props.put(p + "starttls.enable", "true");
        props.put(p + "starttls.required", "true");
      }
      case SSL -> props.put(p + "ssl.enable", "true");
    }
    if (security != MailServer.Security.NONE) {
      if (server.trustAnyCertificate()) {
        props.put(p + "ssl.trust", "*");
        props.put(p + "ssl.checkserveridentity", "false");
      } else {
        props.put(p + "ssl.checkserveridentity", "true");
      }
    }
    return props;
  }

  private static String protocol(MailServer server) {
    return server.security() == MailServer.Security.SSL ? "imaps" : "imap";
  }

  private ImapSessions() {}
}
