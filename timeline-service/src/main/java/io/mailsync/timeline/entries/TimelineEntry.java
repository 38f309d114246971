package io.mailsync.timeline.entries;

import io.mailsync.contracts.message.AttachmentMetadata;
import io.mailsync.contracts.message.Participant;
import java.time.Instant;
import java.util.List;

/**
 * One email on a customer's timeline, as the API serves it. {@code html} is sanitized; {@code
 * copies} counts the fetched copies (the same email in several colleagues' mailboxes is one entry).
 */
public record TimelineEntry(
    String messageKey,
    String subject,
    Participant from,
    List<Participant> participants,
    Instant sentAt,
    Instant receivedAt,
    String text,
    String html,
    List<AttachmentMetadata> attachments,
    String rule,
    boolean threaded,
    long copies,
    String parseError) {}
