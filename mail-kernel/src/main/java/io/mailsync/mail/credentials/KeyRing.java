package io.mailsync.mail.credentials;

import io.mailsync.contracts.mailbox.CredentialSeal;
import io.mailsync.contracts.mailbox.SealedCredentials;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Several keys that open, one that seals: how a key is rotated without a stop. The new key seals,
 * the old one stays among the previous keys until everything it sealed has been re-sealed ({@link
 * #isCurrent}), then it is removed.
 */
public final class KeyRing {

  private final CredentialSeal sealing;
  private final Map<String, CredentialSeal> opening;

  private KeyRing(CredentialSeal sealing, Map<String, CredentialSeal> opening) {
    this.sealing = sealing;
    this.opening = Map.copyOf(opening);
  }

  /**
   * Key ids: lower-case letters and digits only, so that each can be given as an environment
   * variable ({@code ..._PREVIOUS_SEALING_KEYS_TRANSPORT1}) and comes back as written.
   */
  private static final Pattern KEY_ID = Pattern.compile("[a-z0-9]{1,32}");

  /**
   * Loads a ring from settings, failing with a message that names the setting and its environment
   * variable, never a key.
   *
   * @param property the sealing key's setting, e.g. {@code mailsync.credentials.sealing-key}
   * @param previousProperty the previous keys' setting, e.g. {@code
   *     mailsync.credentials.previous-sealing-keys}
   * @throws IllegalStateException when the sealing key is missing or any key or id is unusable
   */
  public static KeyRing load(
      String sealingKeyId,
      Optional<String> sealingKey,
      Map<String, String> previousKeys,
      String property,
      String previousProperty) {
    if (sealingKey.isEmpty() || sealingKey.get().isBlank()) {
      throw new IllegalStateException(
          property
              + " is not set: give it base64 of 32 random bytes (e.g. `openssl rand -base64 32`),"
              + " for example through the environment variable "
              + environmentVariable(property));
    }
    Map<String, CredentialSeal> opening = new LinkedHashMap<>();
    previousKeys.forEach((id, key) -> opening.put(id, seal(id, key, previousProperty + "." + id)));
    if (opening.containsKey(sealingKeyId)) {
      throw new IllegalStateException(
          previousProperty
              + "."
              + sealingKeyId
              + " has the id of the sealing key; give the new key"
              + " a new id");
    }
    CredentialSeal sealing = seal(sealingKeyId, sealingKey.get(), property);
    opening.put(sealingKeyId, sealing);
    return new KeyRing(sealing, opening);
  }

  /** A ring of one key, for tests and tools. */
  public static KeyRing of(CredentialSeal sealing) {
    return new KeyRing(sealing, Map.of(sealing.keyId(), sealing));
  }

  public SealedCredentials seal(String secret, String associatedData) {
    return sealing.seal(secret, associatedData);
  }

  /**
   * @throws IllegalArgumentException when no key of the ring has the secret's key id, or the secret
   *     does not open for this associated data (another owner or server, or tampered)
   */
  public String open(SealedCredentials sealed, String associatedData) {
    CredentialSeal key = opening.get(sealed.keyId());
    if (key == null) {
      throw new IllegalArgumentException(
          "sealed with key " + sealed.keyId() + ", which is not among the configured keys");
    }
    return key.open(sealed, associatedData);
  }

  /** Whether the secret is sealed with the current key; if not, it should be re-sealed. */
  public boolean isCurrent(SealedCredentials sealed) {
    return sealing.keyId().equals(sealed.keyId())
        && CredentialSeal.ALGORITHM.equals(sealed.algorithm());
  }

  public String sealingKeyId() {
    return sealing.keyId();
  }

  private static CredentialSeal seal(String keyId, String base64, String property) {
    if (keyId == null || !KEY_ID.matcher(keyId).matches()) {
      throw new IllegalStateException(
          property + ": key id \"" + keyId + "\" must be 1 to 32 lower-case letters and digits");
    }
    try {
      return CredentialSeal.fromBase64(keyId, base64);
    } catch (IllegalArgumentException e) {
      // The message names the key id and what is wrong, never the key itself.
      throw new IllegalStateException(property + " is unusable: " + e.getMessage());
    }
  }

  private static String environmentVariable(String property) {
    return property.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
  }

  @Override
  public String toString() {
    return "KeyRing[sealing=" + sealing.keyId() + ", opening=" + opening.keySet() + "]";
  }
}
