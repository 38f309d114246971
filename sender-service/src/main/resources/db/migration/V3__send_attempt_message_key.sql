-- The message key of what an attempt sends (io.mailsync.contracts.MessageKey: its Message-ID bound
-- to its From address and Date), fixed when the attempt is claimed, so every re-emitted outcome
-- names the message the fetcher later reads from Sent, whatever becomes of the mailbox's address.
ALTER TABLE send_attempt ADD COLUMN message_key TEXT;
