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

  /**
   * What consumers need of every record: an id to deduplicate by, a tenant, a time. Records whose
   * consumers need more add their own fields to these; {@code ContractDecoder} refuses a record
   * that lacks any of them.
   */
  default RequiredFields required() {
    return new RequiredFields()
        .text("id", id())
        .text("tenantId", tenantId())
        .value("occurredAt", occurredAt());
  }
}
