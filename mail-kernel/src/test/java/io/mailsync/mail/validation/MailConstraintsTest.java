package io.mailsync.mail.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.mail.address.EmailAddressSyntax;
import io.mailsync.testkit.validation.Constraints;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MailConstraintsTest {

  record Input(
      @MailAddress String address,
      @MailDomain String domain,
      @MessageId String messageId,
      @PrintableName(max = 10) String name) {}

  record Names(@NotBlank String required, @PrintableName(max = 10) String name) {}

  private final Validator validator = Constraints.validator();

  @Test
  void absentValuesAreLeftToOtherConstraints() {
    assertThat(problems(new Input(null, null, null, null))).isEmpty();
    assertThat(problems(new Input(" ", " ", " ", null))).isEmpty();
  }

  @Test
  void acceptsWhatTheSharedSyntaxAccepts() {
    assertThat(problems(new Input(" Ann@Bücher.example ", "Bücher.example", "id@host", "Ann Lee")))
        .isEmpty();
  }

  @Test
  void refusesInTheSyntaxsOwnWordsQuotingInputAsTyped() {
    assertThat(problems(new Input("a(1)@example.com", "${x}.test", "<a b>", "Ann\nLee")))
        .containsExactly(
            "address " + EmailAddressSyntax.problem("a(1)@example.com").orElseThrow(),
            "domain is not a domain name: ${x}.test",
            "messageId is not a Message-ID (printable characters without spaces, e.g. <id@host>)",
            "name must be at most 10 characters, without control characters");
  }

  @Test
  void aBlankNameIsToldWhatNotBlankTellsIt() {
    assertThat(validator.validate(new Names(" ", " ")))
        .extracting(ConstraintViolation::getMessage)
        .hasSize(2)
        .containsOnly(validator.validate(new Names(" ", null)).iterator().next().getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"\t", "\r", "\n", "\u0000", "\u007f", "\u0085"})
  void oneControlCharacterRule(String control) {
    assertThat(ControlCharacters.containsAny("a" + control + "b")).isTrue();
    assertThat(ControlCharacters.flatten("a" + control + control + "b")).isEqualTo("a b");
    assertThat(problems(new Input(null, null, null, "a" + control))).hasSize(1);
  }

  @Test
  void printableTextHasNoControlCharacters() {
    assertThat(ControlCharacters.containsAny("Ann Lee, Zürich €")).isFalse();
    assertThat(ControlCharacters.flatten("Ann Lee")).isEqualTo("Ann Lee");
  }

  private List<String> problems(Input input) {
    return Constraints.problems(validator, input);
  }
}
