package io.mailsync.linker.stream;

import io.mailsync.contracts.link.Link;
import io.mailsync.contracts.message.MessageFetched;
import java.time.Instant;
import java.util.List;

/**
 * A message held until {@code deadline} for late directory changes.
 *
 * @param announced the links already announced for it, or null when it matched nothing yet
 */
record PendingMessage(MessageFetched message, Instant deadline, List<Link> announced) {}
