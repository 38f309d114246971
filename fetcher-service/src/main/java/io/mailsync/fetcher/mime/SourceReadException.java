package io.mailsync.fetcher.mime;

import java.io.IOException;

/**
 * Reading the message from its source failed (connection lost, message removed): not a property of
 * the message, so the caller retries later instead of publishing a partial record.
 */
public class SourceReadException extends IOException {

  public SourceReadException(IOException cause) {
    super(cause.getMessage(), cause);
  }
}
