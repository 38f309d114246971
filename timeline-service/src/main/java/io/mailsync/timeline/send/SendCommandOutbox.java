package io.mailsync.timeline.send;

import io.mailsync.contracts.outbox.OutboxEvent;
import io.mailsync.contracts.send.SendEmail;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Queues SendEmail commands in the timeline's outbox, from which the cdc process publishes them:
 * once the Uni completes the command is committed and will reach the broker, whether or not the
 * broker or cdc are up right now.
 */
@ApplicationScoped
public class SendCommandOutbox {

  static final URI SOURCE = URI.create("/mailsync/timeline-service");

  private final Mutiny.SessionFactory sessions;

  public SendCommandOutbox(Mutiny.SessionFactory sessions) {
    this.sessions = sessions;
  }

  /** Inserts the command's row and deletes it in one transaction: the WAL carries the insert. */
  public Uni<Void> queue(SendEmail command) {
    OutboxEvent event = OutboxEvent.of(command, SOURCE);
    return sessions.withTransaction(
        session -> {
          var insert = session.createNativeQuery(event.insertInto(OutboxEvent.TABLE));
          event.columns().forEach(insert::setParameter);
          return insert
              .executeUpdate()
              .chain(
                  () ->
                      session
                          .createNativeQuery(OutboxEvent.deleteFrom(OutboxEvent.TABLE))
                          .setParameter("id", event.id())
                          .executeUpdate())
              .replaceWithVoid();
        });
  }
}
