package io.mailsync.fetcher.publish;

import io.mailsync.contracts.ContractRecord;
import io.mailsync.contracts.outbox.OutboxEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The fetcher's outbox ({@code fetcher.outbox}): a record appended here is committed with the
 * caller's transaction and published by the cdc process, whether or not the broker is up now.
 */
@ApplicationScoped
public class Outbox {

  private final EntityManager entityManager;

  public Outbox(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  /** Inserts the record's row and deletes it again: the WAL carries the insert to cdc. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void append(ContractRecord record) {
    OutboxEvent event = OutboxEvent.of(record, MessagePublisher.SOURCE);
    var insert = entityManager.createNativeQuery(event.insertInto(OutboxEvent.TABLE));
    event.columns().forEach(insert::setParameter);
    insert.executeUpdate();
    entityManager
        .createNativeQuery(OutboxEvent.deleteFrom(OutboxEvent.TABLE))
        .setParameter("id", event.id())
        .executeUpdate();
  }
}
