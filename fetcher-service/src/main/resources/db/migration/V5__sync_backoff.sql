-- Failed syncs in a row, and the time before which no new attempt starts (exponential backoff).
-- A refused login (sync_status AUTH_FAILED) waits for the user instead.
ALTER TABLE mailbox ADD COLUMN consecutive_failures integer NOT NULL DEFAULT 0;
ALTER TABLE mailbox ADD COLUMN next_attempt_at timestamptz;
