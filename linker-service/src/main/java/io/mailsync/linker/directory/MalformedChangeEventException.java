package io.mailsync.linker.directory;

/** A change event the linker cannot turn into directory changes; the message says why. */
public class MalformedChangeEventException extends IllegalArgumentException {

  public MalformedChangeEventException(String reason) {
    super(reason);
  }
}
