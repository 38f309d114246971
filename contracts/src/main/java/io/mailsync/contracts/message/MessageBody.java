package io.mailsync.contracts.message;

/**
 * Text and HTML bodies as they travel in events: each up to the producer's cap, with a flag saying
 * whether the cap cut it. HTML travels unsanitized; pages sanitize before they show it.
 */
public record MessageBody(String text, String html, boolean textTruncated, boolean htmlTruncated) {}
