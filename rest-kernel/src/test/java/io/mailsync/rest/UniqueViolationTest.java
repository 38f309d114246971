package io.mailsync.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class UniqueViolationTest {

  @Test
  void isFoundAmongCausesSuppressedAndNextExceptions() {
    SQLException duplicate = new SQLException("duplicate key", "23505");
    assertThat(UniqueViolation.in(duplicate)).isTrue();
    assertThat(UniqueViolation.in(new RuntimeException(new RuntimeException(duplicate)))).isTrue();

    RuntimeException withSuppressed = new RuntimeException("rollback failed");
    withSuppressed.addSuppressed(duplicate);
    assertThat(UniqueViolation.in(withSuppressed)).isTrue();

    BatchUpdateException batch = new BatchUpdateException("batch failed", "25P02", new int[0]);
    batch.setNextException(duplicate);
    assertThat(UniqueViolation.in(batch)).isTrue();
  }

  @Test
  void otherDatabaseErrorsAreNot() {
    assertThat(UniqueViolation.in(new SQLException("foreign key", "23503"))).isFalse();
    assertThat(UniqueViolation.in(new RuntimeException("23505"))).isFalse();
    assertThat(UniqueViolation.in(null)).isFalse();
  }

  @Test
  void aCycleOfCausesEnds() {
    RuntimeException first = new RuntimeException("first");
    RuntimeException second = new RuntimeException("second", first);
    first.initCause(second);

    assertThat(UniqueViolation.in(first)).isFalse();
  }
}
