package io.mailsync.mail.session;

import java.time.Duration;

/**
 * @param connect longest wait for the TCP connection
 * @param read longest wait for any single answer (also the write timeout)
 */
public record ImapTimeouts(Duration connect, Duration read) {}
