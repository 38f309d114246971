-- Commands and events announcing a change of this schema, written in the change's transaction
-- and published by the cdc process (Debezium's outbox event router). The shape is the one every
-- service's outbox has (io.mailsync.contracts.outbox.OutboxEvent): cdc reads the Kafka topic, key,
-- value and CloudEvents headers from these columns. A row is deleted in the transaction that
-- inserts it; the WAL keeps the insert, so the table stays empty.
CREATE TABLE outbox (
    id             uuid        PRIMARY KEY,
    topic          text        NOT NULL,
    record_key     bytea       NOT NULL,
    payload        bytea       NOT NULL,
    ce_specversion text        NOT NULL,
    ce_id          text        NOT NULL,
    ce_type        text        NOT NULL,
    ce_source      text        NOT NULL,
    ce_time        text        NOT NULL,
    content_type   text        NOT NULL,
    tenant_id      text        NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now()
);
