-- A folder's first sync reads only the initial window. Until it has completed, a retry must read
-- that window again (skipping what it already published), not every UID above the checkpoint.
ALTER TABLE folder_checkpoint ADD COLUMN initial_sync_pending boolean NOT NULL DEFAULT false;

-- The last message that could not be read and was published without its content, and why.
ALTER TABLE mailbox ADD COLUMN last_message_error text;
