package io.mailsync.mail.host;

/**
 * A mail server setting that must not be connected to: malformed, on a port outside the allow-list,
 * or pointing at an internal address. Its message is safe to show to the user: it names the host as
 * the user wrote it, never the address it resolved to.
 */
public class HostRefusedException extends Exception {

  public HostRefusedException(String message) {
    super(message, null, false, false);
  }
}
