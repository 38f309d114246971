package io.mailsync.timeline.send;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.testkit.validation.Constraints;
import io.mailsync.timeline.send.EmailResource.Recipient;
import io.mailsync.timeline.send.EmailResource.SendRequest;
import jakarta.validation.Validator;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The constraints of a send request, checked by a plain Bean Validation validator. */
class SendRequestValidationTest {

  private static final List<Recipient> BOB = List.of(new Recipient("bob@customer.test", "Bob"));

  private final Validator validator = Constraints.validator();

  @Test
  void acceptsACompleteRequest() {
    assertThat(problems(request(BOB, List.of(), "text", null, "<a@b.test>"))).isEmpty();
    assertThat(problems(request(BOB, null, null, "<p>html</p>", null))).isEmpty();
  }

  @Test
  void namesTheRecipientWhoseAddressTheSenderWouldRefuse() {
    List<Recipient> cc =
        List.of(new Recipient("ok@example.com", null), new Recipient("a(b)@example.com", null));

    assertThat(problems(request(BOB, cc, "t", null, null)))
        .containsExactly(
            "cc[1].address has an invalid part before the @"
                + " (letters, digits, dots and !#$%&'*+/=?^_`{|}~- only)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Bob\r\nBcc: eve@example.com", "Bob\nBuyer", "Bob\tBuyer", "Bob\u0085"})
  void aNameWithControlCharactersIsRefused(String name) {
    List<Recipient> to = List.of(new Recipient("bob@customer.test", name));

    assertThat(problems(request(to, null, "t", null, null)))
        .containsExactly("to[0].name must be at most 200 characters, without control characters");
  }

  @Test
  void aMailNeedsARecipientAndHasAtMostOneHundredOfEachKind() {
    assertThat(problems(request(List.of(), null, "t", null, null)))
        .containsExactly("to is required");
    assertThat(problems(request(null, null, "t", null, null))).containsExactly("to is required");
    List<Recipient> many = Collections.nCopies(101, BOB.get(0));
    assertThat(problems(request(BOB, many, "t", null, null)))
        .containsExactly("cc must be at most 100 characters or items");
  }

  @Test
  void aBodyIsRequired() {
    assertThat(problems(request(BOB, null, " ", null, null)))
        .containsExactly("text is required unless html is given");
  }

  @Test
  void anInReplyToTheSenderCouldNotWriteIsRefused() {
    assertThat(problems(request(BOB, null, "t", null, "<two words@example.com>")))
        .containsExactly(
            "inReplyTo is not a Message-ID (printable characters without spaces, e.g. <id@host>)");
  }

  private static SendRequest request(
      List<Recipient> to, List<Recipient> cc, String text, String html, String inReplyTo) {
    return new SendRequest("mailbox-a", to, cc, null, "Quote", text, html, inReplyTo);
  }

  private List<String> problems(SendRequest request) {
    return Constraints.problems(validator, request);
  }
}
