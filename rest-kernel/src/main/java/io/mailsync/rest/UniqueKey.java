package io.mailsync.rest;

import java.util.Objects;

/**
 * A unique key of a service's tables that stands for one input of a request: a second record with
 * the same value is refused by the database, and {@link ProblemMappers} answers that as a conflict
 * naming the input. A service declares each such key as a bean, next to the code that inserts:
 *
 * <pre>{@code
 * @Produces
 * static final UniqueKey ADDRESS_TAKEN =
 *     new UniqueKey("mailbox_tenant_address", "emailAddress", "is already registered");
 * }</pre>
 *
 * @param constraint the unique constraint or unique index, as named in the schema migration
 * @param field the input the value came from, as in {@link FieldProblem#field()}
 * @param detail worded to follow the field's name, e.g. "is already registered"
 */
public record UniqueKey(String constraint, String field, String detail) {

  public UniqueKey {
    Objects.requireNonNull(constraint, "constraint");
  }

  FieldProblem problem() {
    return new FieldProblem(field, detail);
  }
}
