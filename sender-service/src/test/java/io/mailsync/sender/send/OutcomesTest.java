package io.mailsync.sender.send;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailsync.contracts.ContractRecord;
import io.mailsync.contracts.EventJson;
import io.mailsync.contracts.EventType;
import io.mailsync.contracts.MessageIdentity;
import io.mailsync.contracts.MessageKey;
import io.mailsync.contracts.send.EmailSendFailed;
import io.mailsync.contracts.send.EmailSent;
import io.mailsync.testkit.contracts.ContractSchemas;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OutcomesTest {

  private static final String COMMAND_ID = "8d0f6a52-2b47-4c3e-9f1a-6b5c4d3e2f10";

  @Test
  void sentOutcomeCarriesTheMessageKeyAndValidates() throws Exception {
    SendAttempt attempt = attempt(SendAttempt.State.SENT);
    attempt.rfcMessageId = "<" + COMMAND_ID + "@seller.test>";
    attempt.messageKey =
        MessageKey.of(
            MessageIdentity.withMessageId(
                attempt.rfcMessageId, "jane@seller.test", attempt.createdAt));
    attempt.sentFolder = "Sent";

    EmailSent sent = (EmailSent) Outcomes.of(attempt);

    assertThat(sent.messageKey()).isEqualTo(attempt.messageKey);
    assertThat(sent.key()).isEqualTo("tenant-1/mailbox-1");
    assertThat(sent.occurredAt()).isEqualTo(attempt.completedAt);
    assertThat(violations(sent)).isEmpty();
  }

  @Test
  void sentWithoutFiledCopyStillValidates() throws Exception {
    SendAttempt attempt = attempt(SendAttempt.State.SENT);
    attempt.rfcMessageId = "<" + COMMAND_ID + "@seller.test>";
    attempt.messageKey = "mid:" + COMMAND_ID + "@seller.test#0123456789abcdef";

    EmailSent sent = (EmailSent) Outcomes.of(attempt);

    assertThat(sent.sentFolder()).isNull();
    assertThat(violations(sent)).isEmpty();
  }

  @Test
  void failedOutcomeValidates() throws Exception {
    SendAttempt attempt = attempt(SendAttempt.State.FAILED);
    attempt.reason = "recipient refused: 550 no such user";
    attempt.permanent = true;

    EmailSendFailed failed = (EmailSendFailed) Outcomes.of(attempt);

    assertThat(failed.reason()).isEqualTo(attempt.reason);
    assertThat(failed.permanent()).isTrue();
    assertThat(violations(failed)).isEmpty();
  }

  @Test
  void idsAreStablePerCommandAndOutcome() {
    SendAttempt sent = attempt(SendAttempt.State.SENT);
    sent.rfcMessageId = "<a@b>";
    SendAttempt failed = attempt(SendAttempt.State.FAILED);
    failed.reason = "x";

    assertThat(Outcomes.of(sent).id()).isEqualTo(Outcomes.of(sent).id());
    assertThat(Outcomes.of(sent).id()).isNotEqualTo(Outcomes.of(failed).id());
    assertThat(Outcomes.id(COMMAND_ID, "sent")).isNotEqualTo(Outcomes.id("other", "sent"));
  }

  private static SendAttempt attempt(SendAttempt.State state) {
    SendAttempt attempt = new SendAttempt();
    attempt.commandId = COMMAND_ID;
    attempt.tenantId = "tenant-1";
    attempt.mailboxId = "mailbox-1";
    attempt.state = state;
    attempt.createdAt = Instant.parse("2025-01-02T03:04:05.123456Z");
    attempt.completedAt = Instant.parse("2025-01-02T03:04:06.654321Z");
    return attempt;
  }

  private static Set<String> violations(ContractRecord record) throws Exception {
    return ContractSchemas.violations(
        EventType.of(record), EventJson.mapper().writeValueAsString(record));
  }
}
