package io.mailsync.sender.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailsync.contracts.mailbox.CredentialSeal;
import io.mailsync.contracts.mailbox.SealedCredentials;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MailboxCredentialsTest {

  private static final String KEY = "bWFpbHN5bmMtZGV2LW9ubHktc2VhbGluZy1rZXktMzI=";

  @Test
  void opensWhatTheFetcherSealedForThisMailbox() {
    SealedCredentials sealed = CredentialSeal.fromBase64("k1", KEY).seal("s3cret", "t1/m1");

    assertThat(credentials("k1", KEY).open("t1", "m1", sealed)).isEqualTo("s3cret");
  }

  @Test
  void credentialsOfAnotherMailboxDoNotOpenAndTheReasonHoldsNoSecret() {
    SealedCredentials sealed = CredentialSeal.fromBase64("k1", KEY).seal("s3cret", "t1/m1");

    assertThatThrownBy(() -> credentials("k1", KEY).open("t2", "m1", sealed))
        .isInstanceOf(MailboxCredentials.CredentialsUnavailable.class)
        .hasMessageContaining("mailbox m1")
        .hasMessageNotContaining("s3cret");
  }

  @Test
  void missingKeyStopsStartUpWithAClearMessage() {
    assertThatThrownBy(() -> new MailboxCredentials(config(null, null)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("mailsync.credentials.sealing-key")
        .hasMessageContaining("MAILSYNC_CREDENTIALS_SEALING_KEY");
  }

  @Test
  void malformedKeyStopsStartUpWithoutEchoingIt() {
    assertThatThrownBy(() -> credentials("k1", "c2hvcnQ="))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("must be 32 bytes")
        .hasMessageNotContaining("c2hvcnQ=");
  }

  private static MailboxCredentials credentials(String keyId, String key) {
    return new MailboxCredentials(config(keyId, key));
  }

  private static CredentialsConfig config(String keyId, String key) {
    return new CredentialsConfig() {
      @Override
      public Optional<String> sealingKey() {
        return Optional.ofNullable(key);
      }

      @Override
      public Optional<String> sealingKeyId() {
        return Optional.ofNullable(keyId);
      }
    };
  }
}
