package io.mailsync.mail.sent;

/**
 * The folder sent mail is filed in and synced from.
 *
 * @param folder full name of the folder
 * @param exists whether the server has it; the sender creates it before filing, the fetcher has
 *     nothing to sync until it does
 */
public record SentFolderChoice(String folder, boolean exists) {}
