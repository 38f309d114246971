package io.mailsync.contracts;

import java.util.List;

/** Every topic Mailsync produces or consumes, with its key, in one place. */
public final class Topics {

  /** One {@code MessageFetched} per fetched copy; key: {@link Keys#message}. */
  public static final String MESSAGES = "mailsync.messages.v1";

  /**
   * Link decisions ({@code MessageLinked}, {@code MessageUnmatched}); key: {@link Keys#message}.
   */
  public static final String LINKS = "mailsync.links.v1";

  /** Compacted: latest {@code MailboxConfigured} per mailbox; key: {@link Keys#mailbox}. */
  public static final String MAILBOXES = "mailsync.mailboxes.v1";

  /** {@code SendEmail} commands; key: {@link Keys#mailbox}, so one mailbox sends in order. */
  public static final String SEND_COMMANDS = "mailsync.send-commands.v1";

  /** Outcomes of sends ({@code EmailSent}, {@code EmailSendFailed}); key: {@link Keys#mailbox}. */
  public static final String SENT = "mailsync.sent.v1";

  /**
   * Prefix of the CRM directory's change-event topics, one per table of the timeline-service's
   * {@code timeline} schema: {@code mailsync.directory.timeline.company}, {@code ...contact},
   * {@code ...app_user}. Debezium change-event JSON (before/after/op/source), key: the row's id.
   */
  public static final String DIRECTORY_PREFIX = "mailsync.directory.";

  public static final String DIRECTORY_COMPANIES = DIRECTORY_PREFIX + "timeline.company";
  public static final String DIRECTORY_CONTACTS = DIRECTORY_PREFIX + "timeline.contact";
  public static final String DIRECTORY_USERS = DIRECTORY_PREFIX + "timeline.app_user";

  public static final List<String> DIRECTORY =
      List.of(DIRECTORY_COMPANIES, DIRECTORY_CONTACTS, DIRECTORY_USERS);

  public static final List<String> ALL = List.of(MESSAGES, LINKS, MAILBOXES, SEND_COMMANDS, SENT);

  /** Topics whose key names an entity whose latest record is all that matters. */
  public static final List<String> COMPACTED = List.of(MAILBOXES);

  /** The services' consumer groups (and Kafka Streams application ids). */
  public static final List<String> CONSUMER_GROUPS =
      List.of("fetcher", "linker", "timeline", "sender");

  /** Every topic a deployment needs: the pipeline's, the directory's and the dead letters. */
  public static List<String> deployment() {
    List<String> topics = new java.util.ArrayList<>(ALL);
    topics.addAll(DIRECTORY);
    CONSUMER_GROUPS.forEach(group -> topics.add(deadLetter(group)));
    return List.copyOf(topics);
  }

  /** Dead-letter topic of a consumer group: {@code <consumer-group>.dlq}. */
  public static String deadLetter(String consumerGroup) {
    if (consumerGroup == null || consumerGroup.isBlank()) {
      throw new IllegalArgumentException("consumer group must not be blank");
    }
    return consumerGroup + ".dlq";
  }

  private Topics() {}
}
