-- Latest settings of each mailbox, as last seen on the compacted mailboxes topic.
-- Credentials stay sealed exactly as received; they are opened only at send time.
CREATE TABLE mailbox (
    mailbox_key            TEXT PRIMARY KEY,
    tenant_id              TEXT NOT NULL,
    mailbox_id             TEXT NOT NULL,
    event_id               TEXT NOT NULL,
    configured_at          TIMESTAMPTZ NOT NULL,
    email_address          TEXT NOT NULL,
    smtp_host              TEXT,
    smtp_port              INTEGER,
    smtp_security          TEXT,
    smtp_trust_any_cert    BOOLEAN NOT NULL DEFAULT FALSE,
    imap_host              TEXT,
    imap_port              INTEGER,
    imap_security          TEXT,
    imap_trust_any_cert    BOOLEAN NOT NULL DEFAULT FALSE,
    username               TEXT,
    credentials_key_id     TEXT,
    credentials_algorithm  TEXT,
    credentials_ciphertext TEXT,
    sent_folder            TEXT,
    state                  TEXT NOT NULL,
    updated_at             TIMESTAMPTZ NOT NULL,
    CONSTRAINT mailbox_tenant_mailbox UNIQUE (tenant_id, mailbox_id)
);

-- One row per SendEmail command, written before anything is sent: the guard that makes a
-- command's send happen at most once, and the record its outcome event is re-emitted from.
CREATE TABLE send_attempt (
    command_id       TEXT PRIMARY KEY,
    tenant_id        TEXT NOT NULL,
    mailbox_id       TEXT NOT NULL,
    state            TEXT NOT NULL CHECK (state IN ('PENDING', 'SENT', 'FAILED')),
    rfc_message_id   TEXT,
    sent_folder      TEXT,
    reason           TEXT,
    permanent        BOOLEAN NOT NULL DEFAULT FALSE,
    created_at       TIMESTAMPTZ NOT NULL,
    completed_at     TIMESTAMPTZ,
    CONSTRAINT send_attempt_outcome CHECK ((state = 'PENDING') = (completed_at IS NULL))
);
