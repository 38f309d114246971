package io.mailsync.sender.smtp;

import io.vertx.ext.mail.MailMessage;

/**
 * A mail ready to send: the message handed to SMTP (no Bcc header) and the copy filed in Sent (the
 * same headers and body, plus Bcc so the sender can see who was blind-copied).
 *
 * @param messageId the Message-ID header, in angle brackets
 * @param sentCopy RFC 5322 bytes with CRLF line ends
 */
public record ComposedMail(MailMessage message, String messageId, byte[] sentCopy) {}
