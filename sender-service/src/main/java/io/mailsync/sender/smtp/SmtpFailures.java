package io.mailsync.sender.smtp;

import io.mailsync.contracts.mailbox.MailServer;
import io.mailsync.mail.secret.SecretScrubber;
import io.mailsync.mail.session.ConnectionFailure;
import io.mailsync.mail.session.ConnectionFailure.Kind;
import io.mailsync.sender.SendFailure;
import io.vertx.ext.mail.SMTPException;

/**
 * Words an SMTP client failure for the user: what went wrong, where, and whether it is final.
 * Reaching the server, its greeting and logging in are worded by {@link ConnectionFailure}, without
 * the server's own words (its banner says what runs there); only the server's reply to a sender, a
 * recipient or the message itself is quoted, because it says what the user can do about it.
 */
public final class SmtpFailures {

  private static final String SMTP = "SMTP";

  public static SendFailure describe(Throwable failure, MailServer server, String password) {
    SendFailure described = classify(failure, server);
    return new SendFailure(
        SecretScrubber.scrub(described.reason(), password), described.permanent());
  }

  private static SendFailure classify(Throwable failure, MailServer server) {
    if (failure instanceof SendFailure sendFailure) {
      return sendFailure;
    }
    String name = ConnectionFailure.serverName(server);
    if (failure instanceof SMTPException smtp) {
      String message = smtp.getMessage() == null ? "" : smtp.getMessage();
      String reply = smtp.getReplyMessage();
      if (message.startsWith("AUTH ")) {
        return of(ConnectionFailure.of(Kind.LOGIN_REFUSED, SMTP, server));
      }
      if (message.startsWith("recipient address not accepted")) {
        return new SendFailure("recipient refused: " + reply, smtp.isPermanent());
      }
      if (message.startsWith("sender address not accepted")) {
        return new SendFailure(
            "sender address refused by " + name + ": " + reply, smtp.isPermanent());
      }
      if (message.startsWith("DATA command not accepted")
          || message.startsWith("sending data failed")) {
        return new SendFailure(
            "SMTP server " + name + " refused the message: " + reply, smtp.isPermanent());
      }
      // The greeting, EHLO/HELO and RSET: before anything was sent, and the server's words are
      // its banner. Final or not as the server's reply code says.
      return new SendFailure(
          ConnectionFailure.of(Kind.FAILED, SMTP, server).text(), smtp.isPermanent());
    }
    String message = failure.getMessage() == null ? "" : failure.getMessage();
    if (message.startsWith("login is required, but no allowed AUTH methods")) {
      return SendFailure.permanent(
          "SMTP server "
              + name
              + " offers no login method the sender can use"
              + " (it may require STARTTLS)");
    }
    if (message.startsWith("no recipient addresses were accepted")) {
      return SendFailure.permanent("recipient refused: no recipient was accepted by " + name);
    }
    return of(ConnectionFailure.of(failure, SMTP, server));
  }

  private static SendFailure of(ConnectionFailure connection) {
    return new SendFailure(connection.text(), !connection.kind().isTransient());
  }

  private SmtpFailures() {}
}
