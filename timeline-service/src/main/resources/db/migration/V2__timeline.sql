-- Materialized timelines. A message is stored once per tenant (its key is the contracts'
-- MessageKey), however many mailboxes it was fetched from; each fetched copy is remembered so
-- that a mailbox's copies can be found again; timeline entries tie a message to a CRM record.

CREATE TABLE message (
    tenant_id      text        NOT NULL,
    message_key    text        NOT NULL,
    rfc_message_id text,
    subject        text,
    from_address   text,
    from_name      text,
    participants   jsonb       NOT NULL DEFAULT '[]',
    sent_at        timestamptz,
    received_at    timestamptz,
    -- the time a timeline sorts by: sent, else received, else first seen
    sort_at        timestamptz NOT NULL,
    text_body      text,
    html_body      text,
    attachments    jsonb       NOT NULL DEFAULT '[]',
    parse_error    text,
    stored_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, message_key)
);

CREATE TABLE message_copy (
    event_id     text        PRIMARY KEY,
    tenant_id    text        NOT NULL,
    message_key  text        NOT NULL,
    mailbox_id   text        NOT NULL,
    folder       text        NOT NULL,
    uid_validity bigint      NOT NULL,
    uid          bigint      NOT NULL,
    FOREIGN KEY (tenant_id, message_key) REFERENCES message (tenant_id, message_key) ON DELETE CASCADE
);
CREATE INDEX message_copy_message ON message_copy (tenant_id, message_key);

CREATE TABLE timeline_entry (
    tenant_id   text        NOT NULL,
    target_type text        NOT NULL,
    target_id   text        NOT NULL,
    message_key text        NOT NULL,
    rule        text        NOT NULL,
    threaded    boolean     NOT NULL,
    linked_at   timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, target_type, target_id, message_key)
);
CREATE INDEX timeline_entry_message ON timeline_entry (tenant_id, message_key);

-- Messages the linker found unrelated: their content is not kept (nothing unrelated is stored),
-- and content arriving after the decision is not stored either.
CREATE TABLE unmatched_decision (
    tenant_id   text        NOT NULL,
    message_key text        NOT NULL,
    decided_at  timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, message_key)
);
