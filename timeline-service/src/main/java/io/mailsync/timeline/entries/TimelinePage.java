package io.mailsync.timeline.entries;

import java.util.List;

/** A page of a timeline, newest first; {@code nextCursor} is null on the last page. */
public record TimelinePage(List<TimelineEntry> entries, String nextCursor) {}
