package io.mailsync.linker.stream;

import io.mailsync.contracts.ContractRecord;
import io.mailsync.contracts.DeterministicIds;
import io.mailsync.contracts.link.MessageLinked;
import io.mailsync.contracts.link.MessageUnmatched;
import io.mailsync.contracts.message.MessageFetched;
import io.mailsync.linker.rules.LinkDecision;
import java.time.Instant;

/**
 * Turns a decision into the event that announces it. The event id is a name-based UUID of the
 * fetched copy's id and the kind of decision, so deciding the same copy again yields the same id
 * and subscribers deduplicate it.
 */
final class LinkEvents {

  /** The decision made when the message arrives (or, if it matched nothing, after the grace). */
  static final String FIRST = "";

  /** More links found when the grace period ended, for a message already linked on arrival. */
  static final String AFTER_GRACE = "-after-grace";

  static ContractRecord of(
      MessageFetched message, LinkDecision decision, Instant decidedAt, String round) {
    return switch (decision) {
      case LinkDecision.Linked linked ->
          new MessageLinked(
              id(message, "linked" + round),
              message.tenantId(),
              decidedAt,
              message.messageKey(),
              message.id(),
              linked.links(),
              true);
      case LinkDecision.Unmatched unmatched ->
          new MessageUnmatched(
              id(message, "unmatched" + round),
              message.tenantId(),
              decidedAt,
              message.messageKey(),
              message.id(),
              unmatched.reason(),
              unmatched.detail());
    };
  }

  static String id(MessageFetched message, String decisionKind) {
    return DeterministicIds.of("linker", decisionKind, message.id());
  }

  private LinkEvents() {}
}
