package io.mailsync.fetcher.host;

/** A mail server host that must not be connected to; the message is readable by the user. */
public class HostRefusedException extends Exception {

  public HostRefusedException(String message) {
    super(message);
  }
}
