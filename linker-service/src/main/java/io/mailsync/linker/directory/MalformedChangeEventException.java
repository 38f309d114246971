package io.mailsync.linker.directory;

import io.mailsync.contracts.kafka.PoisonRecord;

/** A change event the linker cannot turn into directory changes; the message says why. */
public class MalformedChangeEventException extends PoisonRecord {

  public MalformedChangeEventException(String reason) {
    super(reason);
  }
}
