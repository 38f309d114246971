package io.mailsync.linker.stream;

/** The outcome of reading one source record: an input to link, or a record for the DLQ. */
sealed interface ParsedInput {

  record Accepted(LinkerInput input) implements ParsedInput {}

  /** The source record's bytes, unchanged, so it can be inspected and replayed. */
  record Rejected(byte[] key, byte[] value) implements ParsedInput {}
}
