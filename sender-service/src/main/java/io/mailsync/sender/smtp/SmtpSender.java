package io.mailsync.sender.smtp;

import io.mailsync.contracts.mailbox.MailServer;
import io.mailsync.sender.SenderConfig;
import io.mailsync.sender.host.MailHostPolicy;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.auth.authentication.UsernamePasswordCredentials;
import io.vertx.ext.mail.LoginOption;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.StartTLSOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.mail.MailClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Sends through a mailbox's own SMTP server with the Vert.x mail client. One client (with its small
 * connection pool) per mailbox, kept for reuse while its settings stay the same; the least recently
 * used client is closed when too many are open.
 */
@ApplicationScoped
public class SmtpSender {

  private static final Logger LOG = Logger.getLogger(SmtpSender.class);

  private static final String PASSWORD_MECHANISMS =
      "CRAM-SHA256 CRAM-SHA1 CRAM-MD5 DIGEST-MD5 PLAIN LOGIN";

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
   * Checks the server's host (blocking DNS, so on a worker thread), then sends.
   *
   * @return a Uni that fails with the SMTP client's error; see {@link SmtpFailures}
   */
  public Uni<Void> send(SmtpAccount account, MailMessage message) {
    MailServer server = account.server();
    return vertx
        .executeBlocking(
            () -> {
              hosts.check("SMTP", server.host(), server.port());
              return true;
            },
            false)
        .chain(() -> client(account).sendMail(message))
        .invoke(
            result ->
                LOG.debugf(
                    "sent %s via %s:%d", result.getMessageID(), server.host(), server.port()))
        .replaceWithVoid();
  }

  private synchronized MailClient client(SmtpAccount account) {
    CachedClient cached = clients.get(account.mailboxKey());
    if (cached != null && cached.fingerprint().equals(account.fingerprint())) {
      return cached.client();
    }
    if (cached != null) {
      cached.client().closeAndForget();
    }
    MailClient client =
        MailClient.builder(vertx)
            .with(mailConfig(account))
            .withCredentialsSupplier(
                () ->
                    Uni.createFrom()
                        .item(
                            () ->
                                new UsernamePasswordCredentials(
                                    account.username(), account.password().get())))
            .build();
    clients.put(account.mailboxKey(), new CachedClient(account.fingerprint(), client));
    return client;
  }

  MailConfig mailConfig(SmtpAccount account) {
    MailServer server = account.server();
    MailServer.Security security =
        server.security() == null ? MailServer.Security.NONE : server.security();
    boolean login = account.username() != null && !account.username().isBlank();
    return new MailConfig()
        .setHostname(server.host().strip())
        .setPort(server.port())
        .setSsl(security == MailServer.Security.SSL)
        .setStarttls(
            security == MailServer.Security.STARTTLS
                ? StartTLSOptions.REQUIRED
                : StartTLSOptions.DISABLED)
        .setTrustAll(server.trustAnyCertificate())
        .setLogin(login ? LoginOption.REQUIRED : LoginOption.DISABLED)
        // Password mechanisms only: XOAUTH2 would hand the password over as if it were a token.
        .setAuthMethods(PASSWORD_MECHANISMS)
        .setConnectTimeout((int) config.connectTimeout().toMillis())
        .setIdleTimeout((int) config.idleTimeout().toMillis())
        .setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
        .setMaxPoolSize(2)
        .setKeepAlive(true);
  }

  @PreDestroy
  synchronized void closeAll() {
    List<CachedClient> open = new ArrayList<>(clients.values());
    clients.clear();
    open.forEach(c -> c.client().closeAndForget());
  }

  private record CachedClient(String fingerprint, MailClient client) {}
}
