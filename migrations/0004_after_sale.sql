-- After the sale (issue 10): messages the bot sends on its own later — a check-in after the
-- expected delivery, one reminder of an unfinished order, a repurchase reminder. Each row is
-- written in the same batch as the turn that causes it; (customer, kind, key) is unique, so
-- nothing is ever scheduled twice. The scheduler claims due rows with a lease (due_at moves
-- past the lease) and marks them sent in the same batch as the turn that sends them.

CREATE TABLE scheduled_messages (
  id TEXT PRIMARY KEY,
  customer_id TEXT NOT NULL REFERENCES customers(id),
  kind TEXT NOT NULL,                   -- checkin | abandoned_cart | reorder
  key TEXT NOT NULL,                    -- what it is about: an order code, a conversation id
  due_at TEXT NOT NULL,
  payload TEXT NOT NULL,                -- JSON: order code, product, cart items
  status TEXT NOT NULL DEFAULT 'pending', -- pending | sent | cancelled
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  created_at TEXT NOT NULL,
  sent_at TEXT,
  UNIQUE (customer_id, kind, key)
);
CREATE INDEX scheduled_messages_due ON scheduled_messages(status, due_at);
CREATE INDEX scheduled_messages_customer ON scheduled_messages(customer_id, status);
