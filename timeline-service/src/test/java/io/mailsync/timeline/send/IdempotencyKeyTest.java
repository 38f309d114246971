package io.mailsync.timeline.send;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.timeline.send.EmailResource.Recipient;
import io.mailsync.timeline.send.EmailResource.SendRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdempotencyKeyTest {

  private static SendRequest request(String subject, String text) {
    return new SendRequest(
        "mailbox-a",
        List.of(new Recipient("bob@customer.test", "Bob")),
        null,
        null,
        subject,
        text,
        null,
        null);
  }

  @Test
  void theSameRequestHasTheSameFingerprint() {
    IdempotencyKey first = IdempotencyKey.of("k", request("Quote", "Here it is"));
    IdempotencyKey retry = IdempotencyKey.of("k", request("Quote", "Here it is"));

    assertThat(retry).isEqualTo(first);
    assertThat(first.requestFingerprint()).hasSize(64).matches("[0-9a-f]+");
  }

  @Test
  void anyOtherValueGivesAnotherFingerprint() {
    String first = IdempotencyKey.of("k", request("Quote", "Here it is")).requestFingerprint();

    assertThat(IdempotencyKey.of("k", request("Quote", "Here it is!")).requestFingerprint())
        .isNotEqualTo(first);
    assertThat(IdempotencyKey.of("k", request("Quote 2", "Here it is")).requestFingerprint())
        .isNotEqualTo(first);
    // the text moved to the subject: the field a value is in counts, not only the values
    assertThat(IdempotencyKey.of("k", request("Here it is", "Quote")).requestFingerprint())
        .isNotEqualTo(first);
  }
}
