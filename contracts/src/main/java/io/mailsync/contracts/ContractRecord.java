package io.mailsync.contracts;

import java.time.Instant;

/**
 * What every event and command on a Mailsync topic carries: its own id (the CloudEvents {@code
 * ce_id}, stable across retries so consumers can deduplicate), the tenant it belongs to, when it
 * happened, and the Kafka key that keeps related records on one partition.
 */
public interface ContractRecord {

  String id();

  String tenantId();

  Instant occurredAt();

  /** Kafka record key; derived from the record's deterministic identity, never random. */
  String key();
}
