package io.mailsync.sender.smtp;

import io.mailsync.mail.session.SmtpAccount;
import io.mailsync.mail.session.SmtpConnector;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.mail.MailMessage;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.mail.MailClient;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Sends through a mailbox's own SMTP server with the client the mail kernel's connector keeps. */
@ApplicationScoped
public class SmtpSender {

  private static final Logger LOG = Logger.getLogger(SmtpSender.class);

  private final Vertx vertx;
  private final SmtpConnector connector;

  public SmtpSender(Vertx vertx, SmtpConnector connector) {
    this.vertx = vertx;
    this.connector = connector;
  }

  /**
   * Vets the server's host (blocking DNS, so on a worker thread), then sends to that address.
   *
   * @return a Uni that fails with the host check's or the SMTP client's error; see {@link
   *     SmtpFailures}
   */
  public Uni<Void> send(SmtpAccount account, MailMessage message) {
    return vertx
        .executeBlocking(() -> MailClient.newInstance(connector.connect(account)), false)
        .chain(client -> client.sendMail(message))
        .invoke(
            result -> LOG.debugf("sent %s via %s", result.getMessageID(), account.server().host()))
        .replaceWithVoid();
  }
}
