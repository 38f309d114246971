package io.mailsync.mail.address;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessageIdSyntaxTest {

  @Test
  void bracketsWhatIsOneMessageId() {
    assertThat(MessageIdSyntax.normalize(" <abc@example.com> ")).hasValue("<abc@example.com>");
    assertThat(MessageIdSyntax.normalize("odd$id%1@[10.0.0.1]")).hasValue("<odd$id%1@[10.0.0.1]>");
  }

  @Test
  void refusesWhatWouldBreakAHeader() {
    assertThat(MessageIdSyntax.normalize("two words@example.com")).isEmpty();
    assertThat(MessageIdSyntax.normalize("<a@b> <c@d>")).isEmpty();
    assertThat(MessageIdSyntax.normalize("a@b\r\nBcc: x@y")).isEmpty();
    assertThat(MessageIdSyntax.normalize("<>")).isEmpty();
    assertThat(MessageIdSyntax.normalize(null)).isEmpty();
    assertThat(MessageIdSyntax.normalize("x".repeat(996))).isEmpty();
  }
}
