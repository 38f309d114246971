package io.mailsync.linker.rules;

import io.mailsync.contracts.link.Link;
import io.mailsync.contracts.link.MessageUnmatched;
import java.util.List;
import java.util.Objects;

/** What the rules decided for one message. */
public sealed interface LinkDecision {

  /** The message belongs to these targets, each named once. */
  record Linked(List<Link> links) implements LinkDecision {

    public Linked {
      if (links == null || links.isEmpty()) {
        throw new IllegalArgumentException("a link decision needs at least one link");
      }
      links = List.copyOf(links);
    }
  }

  /** Nothing matched; {@code detail} says what was checked. */
  record Unmatched(MessageUnmatched.Reason reason, String detail) implements LinkDecision {

    public Unmatched {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
