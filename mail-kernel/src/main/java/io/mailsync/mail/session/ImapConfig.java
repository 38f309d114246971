package io.mailsync.mail.session;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Timeouts of every IMAP connection ({@code mailsync.imap.*}): the fetcher's syncs and the sender's
 * Sent folder both connect through {@link ImapConnector}, so both read these settings.
 */
@ConfigMapping(prefix = "mailsync.imap")
public interface ImapConfig {

  /** Longest wait for the TCP connection to an IMAP server. */
  @WithDefault("10s")
  Duration connectTimeout();

  /** Longest wait for any single answer of an IMAP server (also the write timeout). */
  @WithDefault("60s")
  Duration readTimeout();
}
