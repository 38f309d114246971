-- MailboxConfigured is written to the outbox in the transaction of the change it announces and
-- published by the cdc process (Debezium's outbox event router); the shape is the one every
-- service's outbox has (io.mailsync.contracts.outbox.OutboxEvent). A row is deleted in the
-- transaction that inserts it; the WAL keeps the insert, so the table stays empty.
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

-- Which transport key sealed the last announcement: when it is not the current one (a rotation),
-- the fetcher announces the mailbox again at start-up. NULL for rows announced before this
-- column existed, and for those whose announcement was never acknowledged: all are announced
-- once more, through the outbox.
ALTER TABLE mailbox ADD COLUMN announced_transport_key_id text;

-- The outbox commits the announcement with the change, so nothing trails behind to republish.
DROP INDEX mailbox_unpublished;
ALTER TABLE mailbox DROP COLUMN published_version;
