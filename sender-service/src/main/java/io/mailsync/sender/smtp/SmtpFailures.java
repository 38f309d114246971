package io.mailsync.sender.smtp;

import io.mailsync.sender.SendFailure;
import io.vertx.ext.mail.SMTPException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;

/** Words an SMTP client failure for the user: what went wrong, where, and whether it is final. */
public final class SmtpFailures {

  public static SendFailure describe(Throwable failure, String host, int port, String password) {
    SendFailure described = classify(failure, host, port);
    // Belt and braces: no server text or exception message may echo the password back.
    if (password != null && !password.isEmpty() && described.reason().contains(password)) {
      return new SendFailure(described.reason().replace(password, "***"), described.permanent());
    }
    return described;
  }

  private static SendFailure classify(Throwable failure, String host, int port) {
    if (failure instanceof SendFailure sendFailure) {
      return sendFailure;
    }
    if (failure instanceof SMTPException smtp) {
      String message = smtp.getMessage() == null ? "" : smtp.getMessage();
      String reply = oneLine(smtp.getReplyMessage());
      if (message.startsWith("AUTH ")) {
        return SendFailure.permanent("SMTP login rejected by " + host + ": " + reply);
      }
      if (message.startsWith("recipient address not accepted")) {
        return new SendFailure("recipient refused: " + reply, smtp.isPermanent());
      }
      if (message.startsWith("sender address not accepted")) {
        return new SendFailure(
            "sender address refused by " + host + ": " + reply, smtp.isPermanent());
      }
      return new SendFailure(
          "SMTP server " + host + " refused the message: " + reply, smtp.isPermanent());
    }
    String message = failure.getMessage() == null ? "" : failure.getMessage();
    if (message.startsWith("login is required, but no allowed AUTH methods")) {
      return SendFailure.permanent(
          "SMTP server "
              + host
              + " offers no login method the sender can use"
              + " (it may require STARTTLS)");
    }
    if (message.startsWith("no recipient addresses were accepted")) {
      return SendFailure.permanent("recipient refused: no recipient was accepted by " + host);
    }
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof ConnectException) {
        return SendFailure.transientFailure(
            "could not connect to SMTP server " + host + ":" + port);
      }
      if (cause instanceof UnknownHostException) {
        return SendFailure.transientFailure("SMTP host " + host + " could not be resolved");
      }
      if (cause instanceof SSLException) {
        return SendFailure.transientFailure(
            "TLS with SMTP server "
                + host
                + ":"
                + port
                + " failed: "
                + oneLine(cause.getMessage()));
      }
    }
    return SendFailure.transientFailure(
        "sending through SMTP server " + host + ":" + port + " failed: " + oneLine(message));
  }

  private static String oneLine(String text) {
    return text == null ? "" : text.replaceAll("\\s+", " ").strip();
  }

  private SmtpFailures() {}
}
