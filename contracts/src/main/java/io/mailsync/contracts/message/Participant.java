package io.mailsync.contracts.message;

/** An address on a message with the header it appeared in. */
public record Participant(Role role, String address, String name) {

  public enum Role {
    FROM,
    SENDER,
    REPLY_TO,
    TO,
    CC,
    BCC,
    DELIVERED_TO
  }
}
