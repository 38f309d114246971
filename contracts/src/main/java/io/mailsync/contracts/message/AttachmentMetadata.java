package io.mailsync.contracts.message;

/**
 * An attachment as metadata only; its bytes are fetched from the mailbox on demand by {@code
 * partPath} (the MIME part's position, e.g. {@code 2.1}).
 */
public record AttachmentMetadata(
    String partPath,
    String filename,
    String contentType,
    long sizeBytes,
    String contentId,
    boolean inline) {}
