package io.mailsync.contracts.mailbox;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM sealing of secrets: used for credentials at rest and for credentials on the mailboxes
 * topic (with different keys). The associated data binds a sealed secret to its owner (e.g. {@code
 * tenant/mailbox}), so a ciphertext copied to another mailbox does not open.
 */
public final class CredentialSeal {

  public static final String ALGORITHM = "AES-256-GCM";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String keyId;
  private final SecretKeySpec key;

  private CredentialSeal(String keyId, byte[] key) {
    this.keyId = keyId;
    this.key = new SecretKeySpec(key, "AES");
  }

  /**
   * @param base64Key 32 random bytes, base64-encoded (e.g. {@code openssl rand -base64 32})
   */
  public static CredentialSeal fromBase64(String keyId, String base64Key) {
    if (keyId == null || keyId.isBlank()) {
      throw new IllegalArgumentException("sealing key id must not be blank");
    }
    byte[] key;
    try {
      key = Base64.getDecoder().decode(base64Key == null ? "" : base64Key.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("sealing key " + keyId + " is not base64");
    }
    if (key.length != 32) {
      throw new IllegalArgumentException(
          "sealing key " + keyId + " must be 32 bytes (AES-256), got " + key.length);
    }
    return new CredentialSeal(keyId, key);
  }

  public String keyId() {
    return keyId;
  }

  public SealedCredentials seal(String secret, String associatedData) {
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    try {
      Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, associatedData);
      byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
      byte[] out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
      return new SealedCredentials(keyId, ALGORITHM, Base64.getEncoder().encodeToString(out));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM unavailable", e);
    }
  }

  /**
   * @throws IllegalArgumentException when the secret was sealed with another key or algorithm, for
   *     other associated data, or was tampered with
   */
  public String open(SealedCredentials sealed, String associatedData) {
    if (!keyId.equals(sealed.keyId()) || !ALGORITHM.equals(sealed.algorithm())) {
      throw new IllegalArgumentException(
          "sealed with key " + sealed.keyId() + "/" + sealed.algorithm() + ", this is " + keyId);
    }
    byte[] in;
    try {
      in = Base64.getDecoder().decode(sealed.ciphertext());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("sealed secret is not base64");
    }
    if (in.length < NONCE_BYTES + TAG_BITS / 8) {
      throw new IllegalArgumentException("sealed secret is too short");
    }
    try {
      Cipher cipher = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(in, NONCE_BYTES), associatedData);
      byte[] plain = cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (javax.crypto.AEADBadTagException e) {
      throw new IllegalArgumentException(
          "sealed secret does not open: wrong key, owner or tampered");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM unavailable", e);
    }
  }

  private Cipher cipher(int mode, byte[] nonce, String associatedData)
      throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
    cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
    return cipher;
  }

  @Override
  public String toString() {
    return "CredentialSeal[" + keyId + "]";
  }
}
