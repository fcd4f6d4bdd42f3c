-- Reliability and privacy: the owner's dashboard sessions live in the database (so logging
-- out, or a new ADMIN_PASSWORD, ends them on every Node process and Workers isolate), the
-- last flows that loaded cleanly are kept (a broken flows folder at start-up runs on them),
-- a message still to be sent to a customer who erased their data is emptied once sent, and
-- transcripts can be aged out by date.

CREATE TABLE admin_sessions (
  id TEXT PRIMARY KEY,                  -- random; carried in the signed cookie
  key_id TEXT NOT NULL,                 -- which ADMIN_PASSWORD signed it: a new password ends every older session
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX admin_sessions_expiry ON admin_sessions(expires_at);

CREATE TABLE last_good_flows (
  id INTEGER PRIMARY KEY CHECK (id = 1), -- one row: the latest flows that loaded without errors
  version TEXT NOT NULL,
  files TEXT NOT NULL,                  -- JSON: [{ "path", "text" }] as read from the flows folder
  saved_at TEXT NOT NULL
);

-- Retention (RETENTION_DAYS) clears transcript text older than a date.
CREATE INDEX messages_created ON messages(created_at);

-- 1: the customer erased their data while this message was waiting; its text goes once it is sent.
ALTER TABLE outbox ADD COLUMN erase_after_send INTEGER NOT NULL DEFAULT 0;
