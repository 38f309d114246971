package io.mailsync.fetcher.mime;

import io.mailsync.contracts.message.AttachmentMetadata;
import io.mailsync.contracts.message.MessageBody;
import io.mailsync.contracts.message.Participant;
import java.time.Instant;
import java.util.List;

/**
 * What the parser could read of one message. Always complete enough to publish: fields it could not
 * read are null or empty, and {@code parseError} says why.
 *
 * @param messageKey the message's identity ({@link io.mailsync.contracts.MessageKey})
 * @param rfcMessageId the Message-ID header as written, e.g. {@code <a@b>}, or null
 * @param sentAt the Date header, or null when missing or unparsable
 */
public record ParsedMessage(
    String messageKey,
    String rfcMessageId,
    String inReplyTo,
    List<String> references,
    String subject,
    Instant sentAt,
    List<Participant> participants,
    MessageBody body,
    List<AttachmentMetadata> attachments,
    String parseError) {}
