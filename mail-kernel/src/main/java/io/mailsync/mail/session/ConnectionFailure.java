package io.mailsync.mail.session;

import io.mailsync.contracts.mailbox.MailServer;
import io.mailsync.mail.host.HostRefusedException;
import io.mailsync.mail.secret.SecretScrubber;
import jakarta.mail.AuthenticationFailedException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.function.Predicate;
import javax.net.ssl.SSLException;
import org.eclipse.angus.mail.util.SocketConnectException;

/**
 * What went wrong reaching a mail server, in words a user can act on and nothing more: "could not
 * connect", "timed out", "TLS failed", "login refused". The texts never carry the server's own
 * words (its banner or replies), the address behind a name, or whether a closed port answered
 * differently from a filtered one — a mailbox setting must not work as a network scanner.
 *
 * @param kind what happened
 * @param text the sentence shown to the user, naming the server as configured ({@link #serverName})
 */
public record ConnectionFailure(Kind kind, String text) {

  public enum Kind {
    /** The setting itself is refused (malformed, port not allowed, internal address). */
    REFUSED_SETTING(false),
    /** The name does not resolve (which may be temporary), worded like a refused internal name. */
    UNKNOWN_HOST(true),
    /** No connection: refused, filtered, unreachable or not answered in time. */
    COULD_NOT_CONNECT(true),
    /** Connected, then the server stopped answering. */
    TIMED_OUT(true),
    TLS_FAILED(true),
    LOGIN_REFUSED(false),
    /** Anything else the session ran into. */
    FAILED(true);

    private final boolean transientFailure;

    Kind(boolean transientFailure) {
      this.transientFailure = transientFailure;
    }

    /** Whether trying again later may succeed without the user changing anything. */
    public boolean isTransient() {
      return transientFailure;
    }
  }

  /**
   * Classifies what a session ran into.
   *
   * @param protocol "IMAP" or "SMTP"
   * @param server the server as configured
   */
  public static ConnectionFailure of(Throwable failure, String protocol, MailServer server) {
    if (failure instanceof HostRefusedException refused) {
      return new ConnectionFailure(
          Kind.REFUSED_SETTING, protocol + " server setting refused: " + refused.getMessage());
    }
    return of(kindOf(failure), protocol, server);
  }

  /**
   * The failure of a kind the caller has told apart itself (an SMTP reply, say), in the same words.
   *
   * @throws IllegalArgumentException for {@link Kind#REFUSED_SETTING}, whose words are the
   *     refusal's own (see {@link #of(Throwable, String, MailServer)})
   */
  public static ConnectionFailure of(Kind kind, String protocol, MailServer server) {
    String name = serverName(server);
    String text =
        switch (kind) {
          case REFUSED_SETTING ->
              throw new IllegalArgumentException("a refused setting is worded by its refusal");
          case UNKNOWN_HOST ->
              protocol + " server " + name + " was not found, or is not a public mail server";
          case COULD_NOT_CONNECT -> "could not connect to " + protocol + " server " + name;
          case TIMED_OUT -> protocol + " server " + name + " timed out";
          case TLS_FAILED ->
              "TLS failed with "
                  + protocol
                  + " server "
                  + name
                  + " (check the security setting and the server's certificate)";
          case LOGIN_REFUSED -> protocol + " login refused by " + name;
          case FAILED -> protocol + " session with " + name + " failed";
        };
    return new ConnectionFailure(kind, text);
  }

  /** How failure texts name a server: as configured, {@code host:port}. */
  public static String serverName(MailServer server) {
    return server.host() + ":" + server.port();
  }

  /**
   * The text with the password masked (a refused host setting quotes what the user typed), on one
   * line and cut to length like every text that reaches users, events and logs.
   */
  public String textWithout(String password) {
    return SecretScrubber.scrub(text, password);
  }

  private static Kind kindOf(Throwable failure) {
    if (has(failure, AuthenticationFailedException.class)) {
      // RFC 5530: [UNAVAILABLE] is the server's own trouble (its user database is down), not a
      // wrong password, and worth trying again later.
      return anyCause(failure, ConnectionFailure::unavailable) ? Kind.FAILED : Kind.LOGIN_REFUSED;
    }
    if (has(failure, UnknownHostException.class)) {
      return Kind.UNKNOWN_HOST;
    }
    // Every way a connection attempt ends without a connection reads the same.
    if (has(failure, SocketConnectException.class)
        || has(failure, ConnectException.class)
        || has(failure, NoRouteToHostException.class)
        || has(failure, PortUnreachableException.class)
        || unreachable(failure)) {
      return Kind.COULD_NOT_CONNECT;
    }
    if (has(failure, SSLException.class)) {
      return Kind.TLS_FAILED;
    }
    if (has(failure, SocketTimeoutException.class)) {
      return Kind.TIMED_OUT;
    }
    return Kind.FAILED;
  }

  private static boolean unavailable(Throwable t) {
    return t instanceof AuthenticationFailedException
        && t.getMessage() != null
        && t.getMessage().toUpperCase(Locale.ROOT).contains("[UNAVAILABLE]");
  }

  /** Netty reports "Network is unreachable" as a plain SocketException. */
  private static boolean unreachable(Throwable failure) {
    return anyCause(
        failure,
        t ->
            t instanceof SocketException
                && t.getMessage() != null
                && t.getMessage().toLowerCase(Locale.ROOT).contains("unreachable"));
  }

  static boolean has(Throwable failure, Class<? extends Throwable> type) {
    return anyCause(failure, type::isInstance);
  }

  private static boolean anyCause(Throwable failure, Predicate<Throwable> test) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (test.test(t)) {
        return true;
      }
    }
    return false;
  }
}
