package io.mailsync.fetcher.imap;

import io.mailsync.contracts.mailbox.MailServer;
import io.mailsync.fetcher.FetcherConfig;
import io.mailsync.fetcher.host.HostPolicy;
import io.mailsync.fetcher.host.HostRefusedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.net.UnknownHostException;
import java.util.Properties;
import org.eclipse.angus.mail.imap.IMAPStore;

/** Opens authenticated IMAP sessions with timeouts, TLS as configured and the host re-checked. */
@ApplicationScoped
public class ImapConnector {

  private final FetcherConfig config;
  private final HostPolicy hosts;

  public ImapConnector(FetcherConfig config, HostPolicy hosts) {
    this.config = config;
    this.hosts = hosts;
  }

  /**
   * @throws HostRefusedException when the host now points at an internal address
   */
  public IMAPStore connect(MailServer server, String username, String password)
      throws MessagingException, UnknownHostException, HostRefusedException {
    // DNS answers change between registration and now: check what the name points at today.
    hosts.resolve(server.host());
    String protocol = server.security() == MailServer.Security.SSL ? "imaps" : "imap";
    Session session = Session.getInstance(properties(protocol, server));
    IMAPStore store = (IMAPStore) session.getStore(protocol);
    store.connect(unbracket(server.host()), server.port(), username, password);
    return store;
  }

  Properties properties(String protocol, MailServer server) {
    String p = "mail." + protocol + ".";
    Properties props = new Properties();
    props.put(p + "connectiontimeout", Long.toString(config.connectTimeout().toMillis()));
    props.put(p + "timeout", Long.toString(config.readTimeout().toMillis()));
    props.put(p + "writetimeout", Long.toString(config.readTimeout().toMillis()));
    // BODY.PEEK[]: reading a message must not mark it read.
    props.put(p + "peek", "true");
    props.put(p + "partialfetch", "true");
    props.put(p + "fetchsize", Integer.toString(1024 * 1024));
    switch (server.security()) {
      case NONE -> props.put(p + "starttls.enable", "false");
      case STARTTLS -> {
        props.put(p + "starttls.enable", "true");
        props.put(p + "starttls.required", "true");
      }
      case SSL -> props.put(p + "ssl.enable", "true");
    }
    if (server.security() != MailServer.Security.NONE) {
      if (server.trustAnyCertificate()) {
        props.put(p + "ssl.trust", "*");
        props.put(p + "ssl.checkserveridentity", "false");
      } else {
        props.put(p + "ssl.checkserveridentity", "true");
      }
    }
    return props;
  }

  private static String unbracket(String host) {
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }
}
