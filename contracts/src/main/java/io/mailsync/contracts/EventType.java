package io.mailsync.contracts;

import io.mailsync.contracts.link.MessageLinked;
import io.mailsync.contracts.link.MessageUnmatched;
import io.mailsync.contracts.mailbox.MailboxConfigured;
import io.mailsync.contracts.message.MessageFetched;
import io.mailsync.contracts.send.EmailSendFailed;
import io.mailsync.contracts.send.EmailSent;
import io.mailsync.contracts.send.SendEmail;
import java.util.Arrays;
import java.util.Optional;

/**
 * The catalog of contract records: Java type, CloudEvents type ({@code ce_type}), topic and JSON
 * Schema. asyncapi.yaml names the same set; a test keeps the two in step.
 */
public enum EventType {
  MESSAGE_FETCHED(MessageFetched.class, "io.mailsync.message.fetched.v1", Topics.MESSAGES),
  MESSAGE_LINKED(MessageLinked.class, "io.mailsync.message.linked.v1", Topics.LINKS),
  MESSAGE_UNMATCHED(MessageUnmatched.class, "io.mailsync.message.unmatched.v1", Topics.LINKS),
  MAILBOX_CONFIGURED(
      MailboxConfigured.class, "io.mailsync.mailbox.configured.v1", Topics.MAILBOXES),
  SEND_EMAIL(SendEmail.class, "io.mailsync.email.send.v1", Topics.SEND_COMMANDS),
  EMAIL_SENT(EmailSent.class, "io.mailsync.email.sent.v1", Topics.SENT),
  EMAIL_SEND_FAILED(EmailSendFailed.class, "io.mailsync.email.send-failed.v1", Topics.SENT);

  private static final String SCHEMA_DIRECTORY = "/io/mailsync/contracts/schemas/";

  private final Class<? extends ContractRecord> recordType;
  private final String cloudEventType;
  private final String topic;

  EventType(Class<? extends ContractRecord> recordType, String cloudEventType, String topic) {
    this.recordType = recordType;
    this.cloudEventType = cloudEventType;
    this.topic = topic;
  }

  public Class<? extends ContractRecord> recordType() {
    return recordType;
  }

  public String cloudEventType() {
    return cloudEventType;
  }

  public String topic() {
    return topic;
  }

  /** Classpath resource of this record's JSON Schema, e.g. {@code message-fetched.schema.json}. */
  public String schemaResource() {
    return SCHEMA_DIRECTORY + name().toLowerCase().replace('_', '-') + ".schema.json";
  }

  public static EventType of(ContractRecord record) {
    return forRecordType(record.getClass())
        .orElseThrow(
            () -> new IllegalArgumentException("not a contract record: " + record.getClass()));
  }

  public static Optional<EventType> forRecordType(Class<?> type) {
    return Arrays.stream(values()).filter(t -> t.recordType.equals(type)).findFirst();
  }

  public static Optional<EventType> forCloudEventType(String ceType) {
    return Arrays.stream(values()).filter(t -> t.cloudEventType.equals(ceType)).findFirst();
  }
}
