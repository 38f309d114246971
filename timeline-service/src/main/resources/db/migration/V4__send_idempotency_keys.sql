-- The Idempotency-Key of each send that came with one, per user: a retry with the same key and the
-- same request is answered with the first command's id without queueing it again; the same key
-- with another request (another fingerprint) is refused. The primary key decides between
-- concurrent requests with one key: the second waits for the first and then reads its row.
CREATE TABLE send_idempotency_key (
    tenant_id           text        NOT NULL,
    user_id             text        NOT NULL,
    idempotency_key     text        NOT NULL,
    -- SHA-256 (hex) of the request as the API read it: EmailResource.SendRequest in JSON
    request_fingerprint text        NOT NULL,
    command_id          text        NOT NULL,
    created_at          timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, user_id, idempotency_key)
);
