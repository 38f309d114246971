package io.mailsync.contracts.link;

/** A CRM record a message can be linked to. */
public record LinkTarget(Type type, String id) {

  public enum Type {
    CONTACT,
    COMPANY,
    DEAL,
    USER
  }
}
