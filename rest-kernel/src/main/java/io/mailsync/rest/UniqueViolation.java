package io.mailsync.rest;

import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Recognizes a PostgreSQL unique-key violation (SQLState {@value #SQL_STATE}) wherever it is in an
 * exception's causes. Hibernate ORM and Hibernate Reactive both report it as a {@link SQLException}
 * cause (Hibernate Reactive converts the Vert.x client's error into one), so a check-then-insert
 * that loses a race to a concurrent request is recognized however deep the persistence layers
 * wrapped it.
 */
public final class UniqueViolation {

  public static final String SQL_STATE = "23505";

  /**
   * True when {@code error} or one of its causes or suppressed exceptions is a unique violation.
   */
  public static boolean in(Throwable error) {
    return in(error, Collections.newSetFromMap(new IdentityHashMap<>()));
  }

  private static boolean in(Throwable error, Set<Throwable> seen) {
    if (error == null || !seen.add(error)) {
      return false;
    }
    if (error instanceof SQLException sql
        && (SQL_STATE.equals(sql.getSQLState()) || in(sql.getNextException(), seen))) {
      return true;
    }
    for (Throwable suppressed : error.getSuppressed()) {
      if (in(suppressed, seen)) {
        return true;
      }
    }
    return in(error.getCause(), seen);
  }

  private UniqueViolation() {}
}
