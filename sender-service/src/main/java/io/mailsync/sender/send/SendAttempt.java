package io.mailsync.sender.send;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One {@code SendEmail} command and what became of it. Written as PENDING before anything is sent,
 * so a command is never sent twice; its final state is what the outcome event is (re-)built from.
 */
@Entity
@Table(name = "send_attempt")
public class SendAttempt {

  public enum State {
    PENDING,
    SENT,
    FAILED
  }

  @Id
  @Column(name = "command_id")
  public String commandId;

  @Column(name = "tenant_id")
  public String tenantId;

  @Column(name = "mailbox_id")
  public String mailboxId;

  @Enumerated(EnumType.STRING)
  public State state;

  @Column(name = "rfc_message_id")
  public String rfcMessageId;

  /** The sent mail's message key: its Message-ID bound to the From and Date it was sent with. */
  @Column(name = "message_key")
  public String messageKey;

  @Column(name = "sent_folder")
  public String sentFolder;

  public String reason;

  public boolean permanent;

  @Column(name = "created_at")
  public Instant createdAt;

  /** When the outcome was settled; the outcome event's {@code occurredAt}. */
  @Column(name = "completed_at")
  public Instant completedAt;

  @Override
  public String toString() {
    return "SendAttempt[" + commandId + ", " + state + "]";
  }
}
