-- A turn commits every page its rows and their index entries touch: about 40 pages, most of
-- them index leaves. The indexes below hold only the rows some query looks for, so a turn
-- writes fewer pages while each report still reads one index.

-- Step reach reads only step_entered events (a third of all events).
CREATE INDEX events_step_reach ON events(flow, step, created_at, conversation_id) WHERE type = 'step_entered';
DROP INDEX events_funnel;

-- The reports by event type over a period. Each type a report reads has its own index; a turn
-- writes into one only when it records that rare event. A report of a new type needs its own.
CREATE INDEX events_fallback ON events(created_at, detail) WHERE type = 'fallback';
CREATE INDEX events_nps_answered ON events(created_at, detail) WHERE type = 'nps_answered';
CREATE INDEX events_product_satisfaction ON events(created_at, detail) WHERE type = 'product_satisfaction_answered';
CREATE INDEX events_cart_left_reason ON events(created_at, detail) WHERE type = 'cart_left_reason';
CREATE INDEX events_satisfaction_comment ON events(created_at, detail) WHERE type = 'satisfaction_comment';
DROP INDEX events_type_detail;

-- A conversation's events are found by events_conversation_type (conversation_id, type, id).
DROP INDEX events_conversation;

-- Outbox rows change status twice (sending, sent): an index keyed on the status moved every row
-- twice. Senders look only for undelivered rows, which this partial index holds (a handful at
-- any time, so the retry timer scans it whole); the chat index, for erasure and retention, is
-- written once per row. Queries spell the condition out as written here: only then does SQLite
-- use the index.
CREATE INDEX outbox_undelivered ON outbox(channel, chat_id, created_at, id) WHERE status IN ('pending', 'sending');
DROP INDEX outbox_pending;
DROP INDEX outbox_chat;
CREATE INDEX outbox_chat ON outbox(channel, chat_id);

-- The key is the row: one b-tree instead of a table and its primary-key index.
CREATE TABLE processed_updates_keyed (
  channel TEXT NOT NULL,
  update_id TEXT NOT NULL,
  processed_at TEXT NOT NULL,
  PRIMARY KEY (channel, update_id)
) WITHOUT ROWID;
INSERT INTO processed_updates_keyed SELECT channel, update_id, processed_at FROM processed_updates;
DROP TABLE processed_updates;
ALTER TABLE processed_updates_keyed RENAME TO processed_updates;
CREATE INDEX processed_updates_age ON processed_updates(processed_at);
