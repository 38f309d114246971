package io.mailsync.fetcher.imap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReadAttemptsTest {

  private final ReadAttempts attempts = new ReadAttempts();
  private final UUID mailbox = UUID.randomUUID();

  @Test
  void givesUpOnTheThirdFailureInARowOfTheSameCopy() {
    assertThat(attempts.failedAndGivenUp(mailbox, "INBOX", 7, 42)).isFalse();
    assertThat(attempts.failedAndGivenUp(mailbox, "INBOX", 7, 42)).isFalse();
    assertThat(attempts.failedAndGivenUp(mailbox, "INBOX", 7, 42)).isTrue();
    // given up means counted from scratch should it ever come back
    assertThat(attempts.failedAndGivenUp(mailbox, "INBOX", 7, 42)).isFalse();
  }

  @Test
  void countsOnlyConsecutiveFailuresOfOneCopy() {
    attempts.failedAndGivenUp(mailbox, "INBOX", 7, 42);
    attempts.failedAndGivenUp(mailbox, "INBOX", 7, 42);
    attempts.succeeded(mailbox, "INBOX", 7, 42);
    assertThat(attempts.failedAndGivenUp(mailbox, "INBOX", 7, 42)).isFalse();

    attempts.failedAndGivenUp(mailbox, "INBOX", 7, 42);
    attempts.failedAndGivenUp(mailbox, "INBOX", 7, 43); // another copy failed meanwhile
    assertThat(attempts.failedAndGivenUp(mailbox, "INBOX", 7, 42)).isFalse();
    attempts.failedAndGivenUp(mailbox, "INBOX", 8, 42); // UIDs were reset
    assertThat(attempts.failedAndGivenUp(mailbox, "INBOX", 7, 42)).isFalse();
  }

  @Test
  void keepsFoldersAndMailboxesApart() {
    UUID other = UUID.randomUUID();
    attempts.failedAndGivenUp(mailbox, "INBOX", 7, 42);
    attempts.failedAndGivenUp(mailbox, "INBOX", 7, 42);
    attempts.failedAndGivenUp(other, "INBOX", 7, 42);
    attempts.failedAndGivenUp(mailbox, "Sent", 7, 42);
    attempts.succeeded(mailbox, "Sent", 7, 42);

    assertThat(attempts.failedAndGivenUp(other, "INBOX", 7, 42)).isFalse();
    assertThat(attempts.failedAndGivenUp(mailbox, "INBOX", 7, 42)).isTrue();
  }
}
