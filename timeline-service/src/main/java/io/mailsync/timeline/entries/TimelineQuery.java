package io.mailsync.timeline.entries;

import io.mailsync.contracts.link.LinkTarget;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Reads a CRM record's timeline: newest first, cursor-paginated. */
@ApplicationScoped
public class TimelineQuery {

  public static final int MAX_LIMIT = 200;

  private final TimelineStore store;

  public TimelineQuery(TimelineStore store) {
    this.store = store;
  }

  /**
   * The caller has already checked that the target exists in this tenant, and that {@code limit} is
   * between 1 and {@value #MAX_LIMIT}.
   */
  public Uni<TimelinePage> page(
      String tenantId, LinkTarget.Type type, String targetId, String cursor, int limit) {
    TimelineCursor after =
        cursor == null || cursor.isBlank() ? null : TimelineCursor.decode(cursor);
    return store.timeline(tenantId, type, targetId, after, limit);
  }
}
