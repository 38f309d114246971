package io.mailsync.linker.stream;

import io.mailsync.contracts.ContractRecord;
import io.mailsync.contracts.kafka.CloudEventMetadata;
import io.mailsync.contracts.message.MessageFetched;
import io.mailsync.linker.directory.DirectoryChange;
import io.mailsync.linker.directory.DirectoryEntry;
import io.mailsync.linker.rules.LinkDecision;
import io.mailsync.linker.rules.LinkRules;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps the directory of the tenants of one partition and decides their messages against it. A
 * match is announced at once. Every message is then held for the grace period, since directory
 * changes that would match it may still be on its way (change capture lags behind the mailboxes),
 * and decided again when the grace period ends: a message that matched nothing is linked if the
 * directory now matches it, unmatched otherwise; a message that was linked is announced again, with
 * all its links, if the directory now gives it more (its company came before its contact).
 * Decisions at the end of the grace period are made once, not on the first change that matches, so
 * that a company arriving just before its contact does not leave the contact out.
 */
final class LinkProcessor implements Processor<String, LinkerInput, String, ContractRecord> {

  /** The {@code ce_source} of every link decision. */
  static final URI SOURCE = URI.create("/mailsync/linker-service");

  private final LinkRules rules;
  private final Duration grace;
  private final Duration checkInterval;

  private ProcessorContext<String, ContractRecord> context;
  private DirectoryStore directory;
  private PendingMessages pending;

  LinkProcessor(LinkRules rules, Duration grace, Duration checkInterval) {
    this.rules = rules;
    this.grace = grace;
    this.checkInterval = checkInterval;
  }

  @Override
  public void init(ProcessorContext<String, ContractRecord> context) {
    this.context = context;
    KeyValueStore<String, DirectoryEntry> entries = context.getStateStore(DirectoryStore.ENTRIES);
    KeyValueStore<String, String> index = context.getStateStore(DirectoryStore.INDEX);
    this.directory = new DirectoryStore(entries, index);
    KeyValueStore<String, PendingMessage> held = context.getStateStore(PendingMessages.MESSAGES);
    KeyValueStore<String, String> deadlines = context.getStateStore(PendingMessages.DEADLINES);
    this.pending = new PendingMessages(held, deadlines);
    // Wall-clock time: the grace period waits for change capture, which lags in real time.
    context.schedule(checkInterval, PunctuationType.WALL_CLOCK_TIME, this::releaseDue);
  }

  @Override
  public void process(Record<String, LinkerInput> record) {
    switch (record.value()) {
      case LinkerInput.MessageInput(MessageFetched message) -> onMessage(message);
      case LinkerInput.DirectoryInput(DirectoryChange change) -> directory.apply(change);
    }
  }

  private void onMessage(MessageFetched message) {
    LinkDecision decision = rules.decide(message, directory);
    if (grace.isZero()) {
      announce(message, decision, LinkEvents.FIRST);
    } else if (decision instanceof LinkDecision.Linked linked) {
      announce(message, decision, LinkEvents.FIRST);
      pending.hold(message, now().plus(grace), linked.links());
    } else {
      pending.hold(message, now().plus(grace), null);
    }
  }

  private void releaseDue(long wallClockMillis) {
    for (PendingMessage due : pending.dueBy(Instant.ofEpochMilli(wallClockMillis))) {
      pending.release(due.message());
      LinkDecision decision = rules.decide(due.message(), directory);
      if (due.announced() == null) {
        announce(due.message(), decision, LinkEvents.FIRST);
      } else if (decision instanceof LinkDecision.Linked linked
          && !due.announced().containsAll(linked.links())) {
        announce(due.message(), decision, LinkEvents.AFTER_GRACE);
      }
    }
  }

  private void announce(MessageFetched message, LinkDecision decision, String round) {
    Instant decidedAt = now();
    ContractRecord event = LinkEvents.of(message, decision, decidedAt, round);
    context.forward(
        new Record<>(
            event.key(),
            event,
            decidedAt.toEpochMilli(),
            CloudEventMetadata.headers(event, SOURCE)));
  }

  private Instant now() {
    return Instant.ofEpochMilli(context.currentSystemTimeMs());
  }
}
