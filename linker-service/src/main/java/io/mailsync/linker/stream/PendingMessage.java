package io.mailsync.linker.stream;

import io.mailsync.contracts.message.MessageFetched;
import java.time.Instant;

/** A message that matched nothing yet, held until {@code deadline} for late directory changes. */
record PendingMessage(MessageFetched message, Instant deadline) {}
