package io.mailsync.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailsync.contracts.mailbox.CredentialSeal;
import io.mailsync.contracts.mailbox.SealedCredentials;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class CredentialSealTest {

  private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
  private final CredentialSeal seal = CredentialSeal.fromBase64("k1", KEY);

  @Test
  void sealedSecretOpensForTheSameOwnerAndHidesTheClearText() {
    SealedCredentials sealed = seal.seal("hunter2-pässword", "t1/m1");

    assertThat(sealed.keyId()).isEqualTo("k1");
    assertThat(sealed.algorithm()).isEqualTo("AES-256-GCM");
    assertThat(new String(Base64.getDecoder().decode(sealed.ciphertext())))
        .doesNotContain("hunter2");
    assertThat(seal.open(sealed, "t1/m1")).isEqualTo("hunter2-pässword");
  }

  @Test
  void sealingTwiceGivesDifferentCiphertexts() {
    assertThat(seal.seal("x", "t1/m1").ciphertext())
        .isNotEqualTo(seal.seal("x", "t1/m1").ciphertext());
  }

  @Test
  void doesNotOpenForAnotherOwnerKeyOrTamperedText() {
    SealedCredentials sealed = seal.seal("secret", "t1/m1");
    byte[] raw = Base64.getDecoder().decode(sealed.ciphertext());
    raw[raw.length - 1] ^= 1;
    SealedCredentials tampered =
        new SealedCredentials("k1", sealed.algorithm(), Base64.getEncoder().encodeToString(raw));
    byte[] otherKey = new byte[32];
    otherKey[0] = 1;

    assertThatThrownBy(() -> seal.open(sealed, "t2/m1"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> seal.open(tampered, "t1/m1"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                CredentialSeal.fromBase64("k1", Base64.getEncoder().encodeToString(otherKey))
                    .open(sealed, "t1/m1"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CredentialSeal.fromBase64("k2", KEY).open(sealed, "t1/m1"))
        .hasMessageContaining("k1");
  }

  @Test
  void rejectsKeysThatAreNotAes256() {
    assertThatThrownBy(() -> CredentialSeal.fromBase64("k1", "c2hvcnQ="))
        .hasMessageContaining("32 bytes");
    assertThatThrownBy(() -> CredentialSeal.fromBase64("k1", "not base64!"))
        .hasMessageContaining("base64");
    assertThatThrownBy(() -> CredentialSeal.fromBase64(" ", KEY)).hasMessageContaining("id");
  }

  @Test
  void printsNoKeyMaterial() {
    assertThat(seal.toString()).isEqualTo("CredentialSeal[k1]");
  }
}
