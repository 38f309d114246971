package io.mailsync.contracts.mailbox;

/**
 * Credentials sealed with a key only the fetcher and the sender hold. Never carries clear text.
 *
 * @param keyId which sealing key was used, so keys can rotate
 * @param algorithm e.g. {@code AES-256-GCM}
 * @param ciphertext base64 of nonce, ciphertext and tag
 */
public record SealedCredentials(String keyId, String algorithm, String ciphertext) {}
