package io.mailsync.rest;

import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;

/**
 * A PostgreSQL unique-key violation (SQLState {@value #SQL_STATE}) found among an exception's
 * causes, with the name of the key it broke. Hibernate ORM and Hibernate Reactive both report it as
 * a {@link SQLException} cause (Hibernate Reactive converts the Vert.x client's error into one), so
 * an insert that loses to an existing or concurrently inserted row is recognized however deep the
 * persistence layers wrapped it.
 *
 * @param constraint the unique constraint or index, as the database names it in its message ({@code
 *     duplicate key value violates unique constraint "mailbox_tenant_address"}); empty when the
 *     message does not say
 */
public record UniqueViolation(Optional<String> constraint) {

  public static final String SQL_STATE = "23505";

  private static final String NAME_START = "constraint \"";

  /** The violation in {@code error} or one of its causes, suppressed or next exceptions. */
  public static Optional<UniqueViolation> in(Throwable error) {
    return find(error, Collections.newSetFromMap(new IdentityHashMap<>()))
        .map(sql -> new UniqueViolation(constraintNamed(sql.getMessage())));
  }

  /** True when this violation broke {@code key}. */
  public boolean of(UniqueKey key) {
    return constraint.filter(key.constraint()::equals).isPresent();
  }

  private static Optional<SQLException> find(Throwable error, Set<Throwable> seen) {
    if (error == null || !seen.add(error)) {
      return Optional.empty();
    }
    if (error instanceof SQLException sql) {
      if (SQL_STATE.equals(sql.getSQLState())) {
        return Optional.of(sql);
      }
      Optional<SQLException> next = find(sql.getNextException(), seen);
      if (next.isPresent()) {
        return next;
      }
    }
    for (Throwable suppressed : error.getSuppressed()) {
      Optional<SQLException> found = find(suppressed, seen);
      if (found.isPresent()) {
        return found;
      }
    }
    return find(error.getCause(), seen);
  }

  /** The quoted name after "constraint", as Hibernate's PostgreSQL dialect reads it too. */
  private static Optional<String> constraintNamed(String message) {
    int start = message == null ? -1 : message.indexOf(NAME_START);
    if (start < 0) {
      return Optional.empty();
    }
    start += NAME_START.length();
    int end = message.indexOf('"', start);
    return end > start ? Optional.of(message.substring(start, end)) : Optional.empty();
  }
}
