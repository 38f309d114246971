package io.mailsync.fetcher.mailbox;

/** The tenant already has a mailbox with this address. */
public class DuplicateMailboxException extends RuntimeException {

  public DuplicateMailboxException() {
    super("a mailbox with this address is already registered");
  }
}
