package io.mailsync.mail.session;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** SMTP connections ({@code mailsync.smtp.*}), all opened through {@link SmtpConnector}. */
@ConfigMapping(prefix = "mailsync.smtp")
public interface SmtpConfig {

  /** Longest wait for the TCP connection to an SMTP server. */
  @WithDefault("10s")
  Duration connectTimeout();

  /** A connection idle this long (no answer from the server) is closed and the send fails. */
  @WithDefault("60s")
  Duration idleTimeout();

  /** SMTP clients kept open for reuse, one per mailbox; the least recently used is closed. */
  @WithDefault("100")
  int cachedClients();
}
