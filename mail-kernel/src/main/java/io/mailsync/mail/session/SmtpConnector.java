package io.mailsync.mail.session;

import io.mailsync.mail.host.HostRefusedException;
import io.mailsync.mail.host.MailHostPolicy;
import io.mailsync.mail.host.VettedServer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.auth.authentication.UsernamePasswordCredentials;
import io.vertx.ext.mail.MailClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives out SMTP clients: vets the host now (DNS answers change between registration and now) and
 * hands out a client pinned to the vetted address with the {@link SmtpConfig} timeouts. One client
 * (with its small connection pool) per mailbox is kept for reuse while its settings and the vetted
 * address stay the same; the least recently used is closed when too many are open.
 */
@ApplicationScoped
public class SmtpConnector {

  private final Vertx vertx;
  private final MailHostPolicy hosts;
  private final SmtpConfig config;
  private final Map<String, CachedClient> clients;

  public SmtpConnector(Vertx vertx, MailHostPolicy hosts, SmtpConfig config) {
    this.vertx = vertx;
    this.hosts = hosts;
    this.config = config;
    int capacity = Math.max(1, config.cachedClients());
    this.clients =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, CachedClient> eldest) {
            if (size() > capacity) {
              eldest.getValue().client().close();
              return true;
            }
            return false;
          }
        };
  }

  /**
   * Blocking: call it from a worker or virtual thread. The client stays owned by this connector:
   * send with it, never close it.
   *
   * @throws HostRefusedException when the setting is refused or the host points inside
   * @throws UnknownHostException when the name does not resolve
   */
  public MailClient connect(SmtpAccount account) throws UnknownHostException, HostRefusedException {
    VettedServer vetted = hosts.vet(account.server().host(), account.server().port());
    return client(account, vetted);
  }

  private synchronized MailClient client(SmtpAccount account, VettedServer vetted) {
    String fingerprint = account.fingerprint() + "|" + vetted.address().getHostAddress();
    CachedClient cached = clients.get(account.mailboxKey());
    if (cached != null && cached.fingerprint().equals(fingerprint)) {
      return cached.client();
    }
    if (cached != null) {
      cached.client().close();
    }
    boolean login = account.username() != null && !account.username().isBlank();
    MailClient client =
        SmtpClients.create(
            vertx,
            vetted,
            SmtpClients.config(
                vetted, account.server(), login, config.connectTimeout(), config.idleTimeout()),
            () -> credentials(account));
    clients.put(account.mailboxKey(), new CachedClient(fingerprint, client));
    return client;
  }

  /** Opens the password only when a connection logs in; a failure to open fails that send. */
  private static Future<UsernamePasswordCredentials> credentials(SmtpAccount account) {
    try {
      return Future.succeededFuture(
          new UsernamePasswordCredentials(account.username(), account.password().get()));
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  @PreDestroy
  synchronized void closeAll() {
    List<CachedClient> open = new ArrayList<>(clients.values());
    clients.clear();
    open.forEach(c -> c.client().close());
  }

  private record CachedClient(String fingerprint, MailClient client) {}
}
