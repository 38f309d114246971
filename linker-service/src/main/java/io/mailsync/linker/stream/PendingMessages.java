package io.mailsync.linker.stream;

import io.mailsync.contracts.link.Link;
import io.mailsync.contracts.message.MessageFetched;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Unmatched messages within their grace period, by tenant and fetched-copy id, plus a deadline
 * index whose keys sort by time, so that the due ones are read without scanning the rest.
 */
final class PendingMessages {

  static final String MESSAGES = "linker-pending";
  static final String DEADLINES = "linker-pending-deadlines";

  private final KeyValueStore<String, PendingMessage> messages;
  private final KeyValueStore<String, String> deadlines;

  PendingMessages(
      KeyValueStore<String, PendingMessage> messages, KeyValueStore<String, String> deadlines) {
    this.messages = messages;
    this.deadlines = deadlines;
  }

  /**
   * Holds the message unless it is held already: a replay keeps the first deadline.
   *
   * @param announced links already announced for it, or null when none were
   */
  void hold(MessageFetched message, Instant deadline, List<Link> announced) {
    String key = key(message);
    if (messages.get(key) != null) {
      return;
    }
    messages.put(key, new PendingMessage(message, deadline, announced));
    deadlines.put(deadlineKey(deadline, key), key);
  }

  void release(MessageFetched message) {
    String key = key(message);
    PendingMessage pending = messages.delete(key);
    if (pending != null) {
      deadlines.delete(deadlineKey(pending.deadline(), key));
    }
  }

  /** Messages whose deadline is at or before {@code now}, earliest first. */
  List<PendingMessage> dueBy(Instant now) {
    List<KeyValue<String, String>> dueEntries = new ArrayList<>();
    try (KeyValueIterator<String, String> byDeadline = deadlines.all()) {
      while (byDeadline.hasNext()) {
        KeyValue<String, String> entry = byDeadline.next();
        if (deadlineOf(entry.key) > now.toEpochMilli()) {
          break;
        }
        dueEntries.add(entry);
      }
    }
    List<PendingMessage> due = new ArrayList<>();
    for (KeyValue<String, String> entry : dueEntries) {
      PendingMessage pending = messages.get(entry.value);
      if (pending != null) {
        due.add(pending);
      } else {
        deadlines.delete(entry.key);
      }
    }
    return due;
  }

  private static String key(MessageFetched message) {
    return StoreKeys.join(message.tenantId(), message.id());
  }

  /** Zero-padded epoch millis first, so that key order is deadline order. */
  private static String deadlineKey(Instant deadline, String key) {
    return StoreKeys.join(String.format("%019d", Math.max(0, deadline.toEpochMilli())), key);
  }

  private static long deadlineOf(String deadlineKey) {
    return Long.parseLong(deadlineKey.substring(0, deadlineKey.indexOf(StoreKeys.SEPARATOR)));
  }
}
