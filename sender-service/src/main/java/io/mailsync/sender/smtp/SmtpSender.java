package io.mailsync.sender.smtp;

import io.mailsync.contracts.mailbox.MailServer;
import io.mailsync.mail.host.MailHostPolicy;
import io.mailsync.mail.host.VettedServer;
import io.mailsync.mail.session.SmtpClients;
import io.mailsync.sender.SenderConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.ext.auth.authentication.UsernamePasswordCredentials;
import io.vertx.ext.mail.MailMessage;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.mail.MailClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Sends through a mailbox's own SMTP server with the Vert.x mail client. One client (with its small
 * connection pool) per mailbox, kept for reuse while its settings and the vetted address stay the
 * same; the least recently used client is closed when too many are open.
 */
@ApplicationScoped
public class SmtpSender {

  private static final Logger LOG = Logger.getLogger(SmtpSender.class);

  private final Vertx vertx;
  private final MailHostPolicy hosts;
  private final SenderConfig.Smtp config;
  private final Map<String, CachedClient> clients;

  public SmtpSender(Vertx vertx, MailHostPolicy hosts, SenderConfig config) {
    this.vertx = vertx;
    this.hosts = hosts;
    this.config = config.smtp();
    int capacity = Math.max(1, this.config.cachedClients());
    this.clients =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, CachedClient> eldest) {
            if (size() > capacity) {
              eldest.getValue().client().closeAndForget();
              return true;
            }
            return false;
          }
        };
  }

  /**
   * Vets the server's host (blocking DNS, so on a worker thread), then sends to that address.
   *
   * @return a Uni that fails with the host check's or the SMTP client's error; see {@link
   *     SmtpFailures}
   */
  public Uni<Void> send(SmtpAccount account, MailMessage message) {
    MailServer server = account.server();
    return vertx
        .executeBlocking(() -> hosts.vet(server.host(), server.port()), false)
        .chain(vetted -> client(account, vetted).sendMail(message))
        .invoke(result -> LOG.debugf("sent %s via %s", result.getMessageID(), server.host()))
        .replaceWithVoid();
  }

  private synchronized MailClient client(SmtpAccount account, VettedServer vetted) {
    String fingerprint = account.fingerprint() + "|" + vetted.address().getHostAddress();
    CachedClient cached = clients.get(account.mailboxKey());
    if (cached != null && cached.fingerprint().equals(fingerprint)) {
      return cached.client();
    }
    if (cached != null) {
      cached.client().closeAndForget();
    }
    boolean login = account.username() != null && !account.username().isBlank();
    MailClient client =
        MailClient.newInstance(
            SmtpClients.create(
                vertx.getDelegate(),
                vetted,
                SmtpClients.config(
                    vetted, account.server(), login, config.connectTimeout(), config.idleTimeout()),
                () -> credentials(account)));
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
    open.forEach(c -> c.client().closeAndForget());
  }

  private record CachedClient(String fingerprint, MailClient client) {}
}
