package io.mailsync.testkit.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailsync.contracts.EventType;
import org.junit.jupiter.api.Test;

class ContractSchemasTest {

  private static final String UNMATCHED =
      "{\"id\":\"7a1f2c3d-0000-4000-8000-000000000003\",\"tenantId\":\"t1\","
          + "\"occurredAt\":\"2026-11-23T09:15:30Z\",\"messageKey\":\"mid:a@b#0123456789abcdef\","
          + "\"sourceEventId\":\"7a1f2c3d-0000-4000-8000-000000000001\","
          + "\"reason\":\"NO_PARTICIPANT_MATCHED\"}";

  @Test
  void acceptsAValidRecordAndNamesWhatIsWrongWithAnInvalidOne() {
    assertThat(ContractSchemas.violations(EventType.MESSAGE_UNMATCHED, UNMATCHED)).isEmpty();

    String invalid =
        UNMATCHED.replace("\"tenantId\":\"t1\",", "").replace("NO_PARTICIPANT_MATCHED", "MAYBE");

    assertThat(ContractSchemas.violations(EventType.MESSAGE_UNMATCHED, invalid))
        .anySatisfy(m -> assertThat(m).contains("tenantId"))
        .anySatisfy(m -> assertThat(m).contains("reason"));
    assertThatThrownBy(() -> ContractSchemas.assertValid(EventType.MESSAGE_UNMATCHED, invalid))
        .isInstanceOf(AssertionError.class);
  }
}
