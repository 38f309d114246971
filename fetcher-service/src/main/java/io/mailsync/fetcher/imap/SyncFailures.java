package io.mailsync.fetcher.imap;

import io.mailsync.contracts.mailbox.MailServer;
import io.mailsync.fetcher.host.HostRefusedException;
import jakarta.mail.AuthenticationFailedException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;

/** Turns what went wrong talking to a mail server into a reason a user can act on. */
final class SyncFailures {

  private static final int MAX_LENGTH = 500;

  static String describe(Throwable failure, MailServer server, String password) {
    String host = server.host();
    String address = host + ":" + server.port();
    String reason;
    if (failure instanceof AuthenticationFailedException) {
      reason = "IMAP login failed: authentication rejected by " + host;
    } else if (failure instanceof HostRefusedException refused) {
      reason = "IMAP " + refused.getMessage();
    } else if (find(failure, UnknownHostException.class) != null) {
      reason = "IMAP server " + host + " not found (unknown host)";
    } else if (find(failure, ConnectException.class) != null) {
      reason = "IMAP server " + address + " refused the connection";
    } else if (find(failure, NoRouteToHostException.class) != null) {
      reason = "IMAP server " + address + " is unreachable";
    } else if (find(failure, SocketTimeoutException.class) != null) {
      reason = "IMAP server " + address + " did not answer in time";
    } else if (find(failure, SSLException.class) != null) {
      reason =
          "TLS with IMAP server "
              + address
              + " failed: "
              + rootMessage(find(failure, SSLException.class))
              + (server.trustAnyCertificate()
                  ? ""
                  : " (check the security setting, or trust the certificate explicitly)");
    } else {
      reason = "IMAP error with " + address + ": " + rootMessage(failure);
    }
    return scrub(reason, password);
  }

  /** Server messages may echo what they were sent; a password never reaches the status. */
  static String scrub(String reason, String password) {
    String safe = reason;
    if (password != null && password.length() >= 3) {
      safe = safe.replace(password, "***");
    }
    return safe.length() > MAX_LENGTH ? safe.substring(0, MAX_LENGTH - 3) + "..." : safe;
  }

  private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  private static String rootMessage(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
  }

  private SyncFailures() {}
}
