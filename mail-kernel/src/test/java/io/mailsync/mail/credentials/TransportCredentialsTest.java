package io.mailsync.mail.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailsync.contracts.mailbox.MailServer;
import io.mailsync.contracts.mailbox.SealedCredentials;
import io.mailsync.mail.credentials.TransportCredentials.Binding;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TransportCredentialsTest {

  private static final String SEALING = "mailsync.credentials.sealing-key";
  private static final String PREVIOUS = "mailsync.credentials.previous-sealing-keys";
  private static final String OLD_KEY = key('o');
  private static final String NEW_KEY = key('n');

  private static final MailServer IMAP =
      new MailServer("imap.example.com", 993, MailServer.Security.SSL, false);
  private static final MailServer SMTP =
      new MailServer("smtp.example.com", 587, MailServer.Security.STARTTLS, false);
  private static final Binding BINDING = new Binding("t1", "m1", "ann", IMAP, SMTP);

  private final TransportCredentials credentials =
      new TransportCredentials(
          KeyRing.load("k1", Optional.of(OLD_KEY), Map.of(), SEALING, PREVIOUS));

  @Test
  void opensWhatItSealedForTheSameMailboxAndServers() {
    SealedCredentials sealed = credentials.seal("hunter2", BINDING);
    assertThat(sealed.ciphertext()).doesNotContain("hunter2");
    assertThat(credentials.open(sealed, new Binding("t1", "m1", "ann", IMAP, SMTP)))
        .isEqualTo("hunter2");
  }

  @Test
  void aRecordRepublishedWithAnotherServerDoesNotOpen() {
    SealedCredentials sealed = credentials.seal("hunter2", BINDING);
    MailServer attackerImap =
        new MailServer("imap.attacker.example", 993, MailServer.Security.SSL, false);
    MailServer otherPort =
        new MailServer("smtp.example.com", 25, MailServer.Security.STARTTLS, false);
    MailServer withoutTls =
        new MailServer("smtp.example.com", 587, MailServer.Security.NONE, false);
    MailServer trustingAny = new MailServer("imap.example.com", 993, MailServer.Security.SSL, true);

    for (Binding moved :
        new Binding[] {
          new Binding("t1", "m1", "ann", attackerImap, SMTP),
          new Binding("t1", "m1", "ann", IMAP, otherPort),
          new Binding("t1", "m1", "ann", IMAP, withoutTls),
          new Binding("t1", "m1", "ann", trustingAny, SMTP),
          new Binding("t1", "m1", "ann\nimap.attacker.example:993", IMAP, SMTP),
          new Binding("t1", "m1", "bob", IMAP, SMTP),
          new Binding("t1", "m2", "ann", IMAP, SMTP),
          new Binding("t2", "m1", "ann", IMAP, SMTP)
        }) {
      assertThatThrownBy(() -> credentials.open(sealed, moved))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageNotContaining("hunter2");
    }
  }

  @Test
  void hostCaseDoesNotMatter() {
    SealedCredentials sealed = credentials.seal("hunter2", BINDING);
    MailServer upper = new MailServer("IMAP.Example.com", 993, MailServer.Security.SSL, false);
    assertThat(credentials.open(sealed, new Binding("t1", "m1", "ann", upper, SMTP)))
        .isEqualTo("hunter2");
  }

  @Test
  void aRotatedRingOpensOldSecretsAndSealsWithTheNewKey() {
    SealedCredentials old = credentials.seal("hunter2", BINDING);
    KeyRing rotated =
        KeyRing.load("k2", Optional.of(NEW_KEY), Map.of("k1", OLD_KEY), SEALING, PREVIOUS);
    TransportCredentials next = new TransportCredentials(rotated);

    assertThat(next.open(old, BINDING)).isEqualTo("hunter2");
    assertThat(rotated.isCurrent(old)).isFalse();
    SealedCredentials resealed = next.seal("hunter2", BINDING);
    assertThat(resealed.keyId()).isEqualTo("k2");
    assertThat(rotated.isCurrent(resealed)).isTrue();
    // the old ring cannot open what the new key sealed
    assertThatThrownBy(() -> credentials.open(resealed, BINDING))
        .hasMessageContaining("k2")
        .hasMessageContaining("not among the configured keys");
  }

  @Test
  void aMissingOrMalformedKeyFailsWithTheSettingNeverTheKey() {
    assertThatThrownBy(() -> KeyRing.load("k1", Optional.empty(), Map.of(), SEALING, PREVIOUS))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("mailsync.credentials.sealing-key")
        .hasMessageContaining("MAILSYNC_CREDENTIALS_SEALING_KEY");
    String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
    assertThatThrownBy(() -> KeyRing.load("k1", Optional.of(shortKey), Map.of(), SEALING, PREVIOUS))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("32 bytes")
        .hasMessageNotContaining(shortKey);
    assertThatThrownBy(
            () ->
                KeyRing.load(
                    "k1", Optional.of(NEW_KEY), Map.of("k0", "not base64!"), SEALING, PREVIOUS))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(PREVIOUS + ".k0");
    assertThatThrownBy(
            () ->
                KeyRing.load("k1", Optional.of(NEW_KEY), Map.of("k1", OLD_KEY), SEALING, PREVIOUS))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("id of the sealing key");
    assertThatThrownBy(
            () -> KeyRing.load("transport-1", Optional.of(NEW_KEY), Map.of(), SEALING, PREVIOUS))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("lower-case letters and digits");
  }

  private static String key(char fill) {
    return Base64.getEncoder().encodeToString(String.valueOf(fill).repeat(32).getBytes());
  }
}
