-- The CRM directory: the source the cdc process (Debezium) captures into
-- mailsync.directory.timeline.<table>. The linker keeps it as local state, so every row carries
-- its tenant and when it came to exist (links are made only to records that existed when the
-- mail was received).
CREATE TABLE company (
    id            uuid        PRIMARY KEY,
    tenant_id     text        NOT NULL,
    name          text        NOT NULL,
    -- lower-case email domains, e.g. {acme.com, acme.co.uk}; never free-mail domains
    email_domains text[]      NOT NULL DEFAULT '{}',
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX company_tenant ON company (tenant_id);

CREATE TABLE contact (
    id          uuid        PRIMARY KEY,
    tenant_id   text        NOT NULL,
    company_id  uuid        REFERENCES company (id),
    -- lower-case address
    email       text        NOT NULL,
    name        text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, email)
);
CREATE INDEX contact_company ON contact (company_id);

CREATE TABLE app_user (
    id          uuid        PRIMARY KEY,
    tenant_id   text        NOT NULL,
    -- login email, lower-case
    email       text        NOT NULL,
    name        text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (tenant_id, email)
);

-- Debezium sends full before-images for updates and deletes.
ALTER TABLE company REPLICA IDENTITY FULL;
ALTER TABLE contact REPLICA IDENTITY FULL;
ALTER TABLE app_user REPLICA IDENTITY FULL;
