package io.mailsync.mail.host;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

/**
 * Which mail servers the services may connect to ({@code mailsync.mail-servers.*}); the fetcher and
 * the sender read the same settings, so a mailbox the fetcher accepts is one the sender can use.
 */
@ConfigMapping(prefix = "mailsync.mail-servers")
public interface MailServerConfig {

  /**
   * Whether mail servers on loopback, private or otherwise internal addresses may be used. Off in
   * production, so that mailbox settings cannot reach the services' own network; on in dev and
   * test.
   */
  @WithDefault("false")
  boolean allowPrivateHosts();

  /**
   * Ports a mail server may listen on: single ports or ranges ({@code 1024-65535}). The default is
   * the IMAP, IMAPS, SMTP, SMTPS, submission and alternative submission ports; tests and local runs
   * add theirs.
   */
  @WithDefault("143,993,25,465,587,2525")
  List<String> allowedPorts();
}
