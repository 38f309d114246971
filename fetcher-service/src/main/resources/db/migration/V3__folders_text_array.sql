-- Folder names become a text[] (they were a JSON array in a text column). The names are copied in
-- their order and unchanged; a blank column, which the application read as no folders, becomes
-- the empty array. PostgreSQL allows no subquery in ALTER COLUMN ... USING, hence a new column.
ALTER TABLE mailbox ADD COLUMN folder_names text[];

UPDATE mailbox SET folder_names =
    CASE WHEN btrim(folders) = '' THEN '{}'::text[]
         ELSE ARRAY(SELECT name
                    FROM json_array_elements_text(folders::json) WITH ORDINALITY AS f(name, position)
                    ORDER BY position)
    END;

ALTER TABLE mailbox DROP COLUMN folders;
ALTER TABLE mailbox RENAME COLUMN folder_names TO folders;
-- Empty means INBOX plus the detected Sent folder.
ALTER TABLE mailbox ALTER COLUMN folders SET NOT NULL;
