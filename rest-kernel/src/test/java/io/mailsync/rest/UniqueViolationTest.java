package io.mailsync.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UniqueViolationTest {

  /** As the JDBC driver words it; the Vert.x client leaves out the "ERROR: " and the detail. */
  static SQLException duplicate(String constraint) {
    return new SQLException(
        "ERROR: duplicate key value violates unique constraint \""
            + constraint
            + "\"\n  Detail: Key (tenant_id, email)=(t1, bob@customer.test) already exists.",
        UniqueViolation.SQL_STATE);
  }

  @Test
  void isFoundAmongCausesSuppressedAndNextExceptions() {
    SQLException duplicate = duplicate("contact_tenant_id_email_key");
    assertThat(UniqueViolation.in(duplicate)).isPresent();
    assertThat(UniqueViolation.in(new RuntimeException(new RuntimeException(duplicate))))
        .isPresent();

    RuntimeException withSuppressed = new RuntimeException("rollback failed");
    withSuppressed.addSuppressed(duplicate);
    assertThat(UniqueViolation.in(withSuppressed)).isPresent();

    BatchUpdateException batch = new BatchUpdateException("batch failed", "25P02", new int[0]);
    batch.setNextException(duplicate);
    assertThat(UniqueViolation.in(batch)).isPresent();
  }

  @Test
  void namesTheKeyItBroke() {
    UniqueKey contact = new UniqueKey("contact_tenant_id_email_key", "email", "is taken");
    UniqueKey user = new UniqueKey("app_user_tenant_id_email_key", "email", "is taken");

    UniqueViolation violation =
        UniqueViolation.in(new IllegalStateException(duplicate(contact.constraint())))
            .orElseThrow();
    assertThat(violation.constraint()).hasValue("contact_tenant_id_email_key");
    assertThat(violation.of(contact)).isTrue();
    assertThat(violation.of(user)).isFalse();

    UniqueViolation vertx =
        UniqueViolation.in(
                new SQLException(
                    "duplicate key value violates unique constraint \"mailbox_tenant_address\"",
                    UniqueViolation.SQL_STATE))
            .orElseThrow();
    assertThat(vertx.constraint()).hasValue("mailbox_tenant_address");
  }

  @Test
  void aMessageThatNamesNoKeyIsStillAViolation() {
    UniqueViolation unnamed =
        UniqueViolation.in(new SQLException("duplicate key", UniqueViolation.SQL_STATE))
            .orElseThrow();

    assertThat(unnamed.constraint()).isEmpty();
    assertThat(unnamed.of(new UniqueKey("contact_tenant_id_email_key", "email", "x"))).isFalse();
  }

  @Test
  void otherDatabaseErrorsAreNot() {
    assertThat(UniqueViolation.in(new SQLException("foreign key", "23503"))).isEmpty();
    assertThat(UniqueViolation.in(new RuntimeException("23505"))).isEmpty();
    assertThat(UniqueViolation.in(null)).isEqualTo(Optional.empty());
  }

  @Test
  void aCycleOfCausesEnds() {
    RuntimeException first = new RuntimeException("first");
    RuntimeException second = new RuntimeException("second", first);
    first.initCause(second);

    assertThat(UniqueViolation.in(first)).isEmpty();
  }
}
