package io.mailsync.contracts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every topic Mailsync produces or consumes, with its key, and how each is created ({@link
 * Declared}). Tests, local runs, docker-compose and {@code deploy/} create topics from {@link
 * #declarations()}; brokers run with {@code auto.create.topics.enable=false}, so a topic missing
 * here is an error on first use, never a silently created one-partition topic.
 */
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
  private static final String DIRECTORY_PREFIX = "mailsync.directory.";

  public static final String DIRECTORY_COMPANIES = DIRECTORY_PREFIX + "timeline.company";
  public static final String DIRECTORY_CONTACTS = DIRECTORY_PREFIX + "timeline.contact";
  public static final String DIRECTORY_USERS = DIRECTORY_PREFIX + "timeline.app_user";

  public static final List<String> DIRECTORY =
      List.of(DIRECTORY_COMPANIES, DIRECTORY_CONTACTS, DIRECTORY_USERS);

  /**
   * Debezium heartbeats of the cdc connector ({@code <topic.heartbeat.prefix>.<topic.prefix>}): a
   * record every few seconds even when no captured table changes, so the connector's offsets move
   * on and a watermark of the change stream is there for consumers.
   */
  public static final String CDC_HEARTBEATS = "mailsync.heartbeats.mailsync.directory";

  /** The services' consumer groups (and Kafka Streams application ids). */
  public static final List<String> CONSUMER_GROUPS =
      List.of("fetcher", "linker", "timeline", "sender");

  /**
   * How each topic is created. Partition counts are generous because they cannot grow later without
   * moving keys to other partitions, which breaks per-key order and, on a compacted topic, leaves a
   * key's old value behind on its old partition.
   */
  public static final class Declared {

    /**
     * 12 partitions for linker and timeline replicas; deleted after 7 days because this is where
     * the bodies of every fetched copy, unrelated mail included, live until then — the timeline
     * keeps only linked mail, and a replay of older mail is a re-sync from the mailboxes.
     */
    public static final TopicDeclaration MESSAGES =
        TopicDeclaration.deleting(Topics.MESSAGES, 12, Duration.ofDays(7));

    /** Partitioned like the messages they decide, and kept as long as those messages. */
    public static final TopicDeclaration LINKS =
        TopicDeclaration.deleting(Topics.LINKS, 12, Duration.ofDays(7));

    /**
     * Compacted, since the latest record of a mailbox is its account; 24 partitions because fetcher
     * replicas divide the mailboxes by partition, so this is the most fetchers that can share the
     * work. Tombstones (removed mailboxes) stay 7 days for consumers that were down.
     */
    public static final TopicDeclaration MAILBOXES =
        TopicDeclaration.compacted(Topics.MAILBOXES, 24, Duration.ofDays(7));

    /**
     * Keyed by mailbox so one mailbox sends in order; 7 days outlasts a sender outage over a long
     * weekend, after which a command is still sent at most once.
     */
    public static final TopicDeclaration SEND_COMMANDS =
        TopicDeclaration.deleting(Topics.SEND_COMMANDS, 12, Duration.ofDays(7));

    /** Send outcomes for the timeline and other services; small records, kept 30 days. */
    public static final TopicDeclaration SENT =
        TopicDeclaration.deleting(Topics.SENT, 12, Duration.ofDays(30));

    /**
     * The CRM directory, compacted so the latest row version of every company, contact and user
     * stays for a new linker replica to read; tombstones of deleted rows stay 7 days.
     */
    public static final List<TopicDeclaration> DIRECTORY =
        Topics.DIRECTORY.stream()
            .map(name -> TopicDeclaration.compacted(name, 12, Duration.ofDays(7)))
            .toList();

    /** Compacted: only the latest heartbeat matters, a few bytes under one key. */
    public static final TopicDeclaration CDC_HEARTBEATS =
        TopicDeclaration.compacted(Topics.CDC_HEARTBEATS, 1, Duration.ofDays(1));

    /**
     * Dead letters of each consumer group: one partition (order does not matter, volume is low),
     * kept 14 days to inspect and redrive — no longer, since the linker's and the timeline's carry
     * mail bodies from the messages topic.
     */
    public static final List<TopicDeclaration> DEAD_LETTERS =
        CONSUMER_GROUPS.stream()
            .map(group -> TopicDeclaration.deleting(deadLetter(group), 1, Duration.ofDays(14)))
            .toList();

    private Declared() {}
  }

  /** Every topic a deployment creates: the pipeline's, the directory's and the dead letters. */
  public static List<TopicDeclaration> declarations() {
    List<TopicDeclaration> topics = new ArrayList<>();
    topics.addAll(
        List.of(
            Declared.MESSAGES,
            Declared.LINKS,
            Declared.MAILBOXES,
            Declared.SEND_COMMANDS,
            Declared.SENT));
    topics.addAll(Declared.DIRECTORY);
    topics.add(Declared.CDC_HEARTBEATS);
    topics.addAll(Declared.DEAD_LETTERS);
    return List.copyOf(topics);
  }

  /** The declaration of the topic named {@code name}, if Mailsync declares it. */
  public static Optional<TopicDeclaration> declaration(String name) {
    return declarations().stream().filter(t -> t.name().equals(name)).findFirst();
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
