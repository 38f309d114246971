package io.mailsync.sender.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailsync.sender.SendFailure;
import org.junit.jupiter.api.Test;

class MessageIdsTest {

  @Test
  void messageIdIsTheCommandIdAtTheSendersDomain() {
    assertThat(
            MessageIds.forCommand("0b5e4c1a-7f3e-4a51-9a51-2a4f1e9b8c01", "Jane.Doe@Example.COM"))
        .isEqualTo("<0b5e4c1a-7f3e-4a51-9a51-2a4f1e9b8c01@example.com>");
  }

  @Test
  void sameCommandGivesTheSameMessageId() {
    assertThat(MessageIds.forCommand("c1", "a@x.test"))
        .isEqualTo(MessageIds.forCommand("c1", "b@x.test"));
  }

  @Test
  void domainIsWhatFollowsTheLastAt() {
    assertThat(MessageIds.domainOf("\"odd@local\"@Mail.Example.org")).isEqualTo("mail.example.org");
  }

  @Test
  void senderWithoutDomainIsRefused() {
    assertThatThrownBy(() -> MessageIds.domainOf("nobody"))
        .isInstanceOf(SendFailure.class)
        .hasMessageContaining("no usable domain");
    assertThatThrownBy(() -> MessageIds.domainOf("x@"))
        .isInstanceOf(SendFailure.class)
        .hasMessageContaining("no usable domain");
  }

  @Test
  void commandIdThatWouldBreakTheHeaderIsRefused() {
    assertThatThrownBy(() -> MessageIds.forCommand("a b>\r\nBcc: x@y", "a@x.test"))
        .isInstanceOf(SendFailure.class)
        .satisfies(e -> assertThat(((SendFailure) e).permanent()).isTrue());
  }

  @Test
  void referencedIdsGetAngleBracketsAndLoseWhitespace() {
    assertThat(MessageIds.normalize(" parent@x.test ", "inReplyTo")).isEqualTo("<parent@x.test>");
    assertThat(MessageIds.normalize("<parent@x.test>", "inReplyTo")).isEqualTo("<parent@x.test>");
  }

  @Test
  void referencedIdWithALineBreakIsRefused() {
    assertThatThrownBy(() -> MessageIds.normalize("<a@x>\r\nBcc: evil@x", "inReplyTo"))
        .isInstanceOf(SendFailure.class)
        .hasMessageContaining("inReplyTo");
  }
}
