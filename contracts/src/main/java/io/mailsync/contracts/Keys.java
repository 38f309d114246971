package io.mailsync.contracts;

/**
 * Kafka keys. Every key starts with the tenant so that two tenants' records never share an
 * identity, and each key is a pure function of the record's deterministic identity.
 */
public final class Keys {

  private static final char SEPARATOR = '/';

  /** All copies of one email (same tenant, same message key) land on one partition. */
  public static String message(String tenantId, String messageKey) {
    return join(tenantId, messageKey);
  }

  public static String mailbox(String tenantId, String mailboxId) {
    return join(tenantId, mailboxId);
  }

  private static String join(String tenantId, String id) {
    requireText(tenantId, "tenantId");
    requireText(id, "id");
    return tenantId + SEPARATOR + id;
  }

  static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }

  private Keys() {}
}
