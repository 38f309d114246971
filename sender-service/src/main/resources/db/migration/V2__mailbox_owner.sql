-- The user who owns a mailbox: only they may send from it.
ALTER TABLE mailbox ADD COLUMN owner_user_id TEXT;
