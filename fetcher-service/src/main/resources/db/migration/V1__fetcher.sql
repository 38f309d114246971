-- Mailbox accounts: settings, the password sealed with the at-rest key, and sync status.
CREATE TABLE mailbox (
    id                          uuid        PRIMARY KEY,
    tenant_id                   text        NOT NULL,
    owner_user_id               text        NOT NULL,
    email_address               text        NOT NULL,
    username                    text        NOT NULL,
    password_key_id             text        NOT NULL,
    password_algorithm          text        NOT NULL,
    password_ciphertext         text        NOT NULL,
    imap_host                   text        NOT NULL,
    imap_port                   integer     NOT NULL,
    imap_security               text        NOT NULL,
    imap_trust_any_certificate  boolean     NOT NULL,
    smtp_host                   text        NOT NULL,
    smtp_port                   integer     NOT NULL,
    smtp_security               text        NOT NULL,
    smtp_trust_any_certificate  boolean     NOT NULL,
    -- JSON array of folder names; empty means INBOX plus the detected Sent folder.
    folders                     text        NOT NULL,
    sent_folder                 text,
    state                       text        NOT NULL,
    -- Bumped on every settings change; published_version trails it until the broker acknowledged.
    config_version              bigint      NOT NULL,
    published_version           bigint      NOT NULL DEFAULT 0,
    sync_status                 text        NOT NULL,
    sync_error                  text,
    last_sync_at                timestamptz,
    created_at                  timestamptz NOT NULL,
    updated_at                  timestamptz NOT NULL
);

-- One account per address and tenant: two would sync the same mail twice.
CREATE UNIQUE INDEX mailbox_tenant_address ON mailbox (tenant_id, lower(email_address));
CREATE INDEX mailbox_unpublished ON mailbox (id) WHERE published_version < config_version;

-- Where each folder's sync stands: the folder's UIDVALIDITY and the highest UID published.
CREATE TABLE folder_checkpoint (
    mailbox_id    uuid        NOT NULL REFERENCES mailbox (id) ON DELETE CASCADE,
    folder        text        NOT NULL,
    uid_validity  bigint      NOT NULL,
    last_uid      bigint      NOT NULL,
    updated_at    timestamptz NOT NULL,
    PRIMARY KEY (mailbox_id, folder)
);
