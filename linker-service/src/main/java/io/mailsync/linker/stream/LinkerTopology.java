package io.mailsync.linker.stream;

import io.mailsync.contracts.ContractRecord;
import io.mailsync.contracts.Topics;
import io.mailsync.linker.directory.ChangeEventParser;
import io.mailsync.linker.directory.DirectoryEntry;
import io.mailsync.linker.directory.DirectoryEntry.Kind;
import io.mailsync.linker.rules.LinkRules;
import io.mailsync.mail.address.FreeMailDomains;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * The linker's Kafka Streams topology.
 *
 * <pre>
 * mailsync.messages.v1 ───────────────┐
 * mailsync.directory.timeline.company ┤ read ─┬─ rejected ─► linker.dlq (with the reason)
 * mailsync.directory.timeline.contact ┤       └─ accepted ─► repartition by tenant ─► link ─► mailsync.links.v1
 * mailsync.directory.timeline.app_user┘                          (directory and held messages in state stores)
 * </pre>
 *
 * Messages and directory changes are re-keyed by tenant so that a tenant's directory and its
 * messages meet in one task; matching never needs another tenant's state.
 */
@ApplicationScoped
public class LinkerTopology {

  /** Kafka Streams application id and consumer group; its dead letters go to linker.dlq. */
  public static final String APPLICATION_ID = "linker";

  /** Records no rule can read, with the source's key, value and headers and why. */
  static final String DEAD_LETTER_TOPIC = Topics.deadLetter(APPLICATION_ID);

  /** Free mail as the shared setting says, the same list the timeline refuses for companies. */
  @Produces
  Topology topology(LinkerConfig config, FreeMailDomains freeMail) {
    return build(new LinkRules(freeMail), config.directoryGrace(), config.graceCheckInterval());
  }

  public static Topology build(LinkRules rules, Duration directoryGrace, Duration checkInterval) {
    if (directoryGrace.isNegative()) {
      throw new IllegalArgumentException("mailsync.linker.directory-grace must not be negative");
    }
    if (checkInterval.isNegative() || checkInterval.isZero()) {
      throw new IllegalArgumentException("mailsync.linker.grace-check-interval must be positive");
    }
    StreamsBuilder builder = new StreamsBuilder();

    KStream<String, ParsedInput> inputs =
        read(builder, Topics.MESSAGES, "messages", MessageParser::parse)
            .merge(read(builder, Topics.DIRECTORY_COMPANIES, "companies", directory(Kind.COMPANY)))
            .merge(read(builder, Topics.DIRECTORY_CONTACTS, "contacts", directory(Kind.CONTACT)))
            .merge(read(builder, Topics.DIRECTORY_USERS, "users", directory(Kind.USER)));

    Map<String, KStream<String, ParsedInput>> branches =
        inputs
            .split(Named.as("input-"))
            .branch(
                (tenant, input) -> input instanceof ParsedInput.Rejected, Branched.as("rejected"))
            .defaultBranch(Branched.as("accepted"));

    branches
        .get("input-rejected")
        .map(
            (tenant, input) -> {
              ParsedInput.Rejected rejected = (ParsedInput.Rejected) input;
              return KeyValue.pair(rejected.key(), rejected.value());
            },
            Named.as("dead-letter"))
        .to(
            DEAD_LETTER_TOPIC,
            Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("to-dead-letters"));

    addStores(builder);
    branches
        .get("input-accepted")
        .mapValues(input -> ((ParsedInput.Accepted) input).input(), Named.as("accepted-input"))
        .repartition(
            Repartitioned.<String, LinkerInput>as("by-tenant")
                .withKeySerde(Serdes.String())
                .withValueSerde(new JsonSerde<>(LinkerInput.class)))
        .process(
            () -> new LinkProcessor(rules, directoryGrace, checkInterval),
            Named.as("link"),
            DirectoryStore.ENTRIES,
            DirectoryStore.INDEX,
            PendingMessages.MESSAGES,
            PendingMessages.DEADLINES)
        .to(
            Topics.LINKS,
            Produced.with(Serdes.String(), new JsonSerde<>(ContractRecord.class))
                .withName("to-links"));

    return builder.build();
  }

  private static KStream<String, ParsedInput> read(
      StreamsBuilder builder,
      String topic,
      String name,
      Function<byte[], List<LinkerInput>> parse) {
    return builder.stream(
            topic, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName(name))
        .process(() -> new InputParser(parse), Named.as("read-" + name));
  }

  private static Function<byte[], List<LinkerInput>> directory(Kind kind) {
    return value ->
        ChangeEventParser.parse(kind, value).stream()
            .map(DirectoryStore::storable)
            .<LinkerInput>map(LinkerInput.DirectoryInput::new)
            .toList();
  }

  private static void addStores(StreamsBuilder builder) {
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(DirectoryStore.ENTRIES),
            Serdes.String(),
            new JsonSerde<>(DirectoryEntry.class)));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(DirectoryStore.INDEX),
            Serdes.String(),
            Serdes.String()));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(PendingMessages.MESSAGES),
            Serdes.String(),
            new JsonSerde<>(PendingMessage.class)));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(PendingMessages.DEADLINES),
            Serdes.String(),
            Serdes.String()));
  }
}
