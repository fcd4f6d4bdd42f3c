-- Customers, conversations as touchpoints, transcripts, funnel events, orders, return
-- requests, processed update ids and the outbox. Applied by `npm run migrate` (Node) and by
-- `wrangler d1 migrations apply` (Cloudflare D1); both record it in d1_migrations.

CREATE TABLE customers (
  id TEXT PRIMARY KEY,                 -- "<channel>:<platform user id>"
  channel TEXT NOT NULL,               -- telegram | zalo | web
  chat_id TEXT NOT NULL,
  display_name TEXT,
  name TEXT,
  phone TEXT,
  address TEXT,
  blocked INTEGER NOT NULL DEFAULT 0,
  opted_out INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL
);

CREATE TABLE conversations (
  id TEXT PRIMARY KEY,
  customer_id TEXT NOT NULL REFERENCES customers(id),
  channel TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'open',  -- open | closed
  started_at TEXT NOT NULL,
  last_activity_at TEXT NOT NULL,
  ended_at TEXT,
  outcome TEXT,                         -- completed | abandoned | handed_over
  entry_flow TEXT,
  stage TEXT,                           -- discover | consider | buy | use | return | loyal
  phase TEXT,                           -- before | during | after
  message_count INTEGER NOT NULL DEFAULT 0,
  first_response_ms INTEGER,
  satisfaction_asked INTEGER NOT NULL DEFAULT 0,
  satisfaction_score INTEGER,
  satisfaction_comment TEXT,
  mode TEXT NOT NULL DEFAULT 'bot',     -- bot | human
  state TEXT NOT NULL,                  -- the engine's state, JSON
  flows_version TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 0    -- compare-and-set guard of every turn
);
-- At most one open conversation per customer: two racing first messages cannot both open one.
CREATE UNIQUE INDEX conversations_one_open ON conversations(customer_id) WHERE status = 'open';
CREATE INDEX conversations_started ON conversations(started_at);
CREATE INDEX conversations_idle ON conversations(status, last_activity_at);
CREATE INDEX conversations_customer ON conversations(customer_id, started_at);

CREATE TABLE messages (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  conversation_id TEXT NOT NULL REFERENCES conversations(id),
  direction TEXT NOT NULL,              -- in | out
  kind TEXT NOT NULL,                   -- text | button | contact | photo | location | image | payment_qr
  text TEXT,
  payload TEXT,                         -- JSON: buttons shown, button pressed, photo reference
  created_at TEXT NOT NULL
);
CREATE INDEX messages_conversation ON messages(conversation_id, id);

CREATE TABLE events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  conversation_id TEXT NOT NULL REFERENCES conversations(id),
  type TEXT NOT NULL,
  flow TEXT,
  step TEXT,
  detail TEXT,                          -- JSON
  created_at TEXT NOT NULL
);
CREATE INDEX events_conversation ON events(conversation_id, id);
CREATE INDEX events_flow_type ON events(flow, type, step);
CREATE INDEX events_type_created ON events(type, created_at);

CREATE TABLE orders (
  id TEXT PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  customer_id TEXT NOT NULL REFERENCES customers(id),
  conversation_id TEXT REFERENCES conversations(id),
  channel TEXT NOT NULL,
  items TEXT NOT NULL,                  -- JSON order lines
  subtotal INTEGER NOT NULL,
  discount INTEGER NOT NULL,
  shipping_fee INTEGER NOT NULL,
  total INTEGER NOT NULL,
  promo_code TEXT,
  contact_name TEXT NOT NULL,
  phone TEXT NOT NULL,
  address TEXT NOT NULL,
  province TEXT,
  note TEXT,
  payment_method TEXT NOT NULL,         -- cod | bank
  payment_status TEXT NOT NULL,         -- unpaid | awaiting_confirmation | paid | refunded
  shipping_status TEXT NOT NULL,        -- new | confirmed | shipped | delivered | cancelled | returned
  tracking_code TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX orders_created ON orders(created_at);
CREATE INDEX orders_customer ON orders(customer_id, created_at);

CREATE TABLE return_requests (
  id TEXT PRIMARY KEY,
  order_code TEXT NOT NULL,
  customer_id TEXT NOT NULL REFERENCES customers(id),
  conversation_id TEXT REFERENCES conversations(id),
  problem TEXT NOT NULL,
  photos TEXT NOT NULL,                 -- JSON list of photo references (Telegram file id or URL)
  resolution TEXT NOT NULL,
  status TEXT NOT NULL,                 -- open | accepted | rejected | resolved
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX return_requests_status ON return_requests(status, created_at);

CREATE TABLE processed_updates (
  channel TEXT NOT NULL,
  update_id TEXT NOT NULL,
  processed_at TEXT NOT NULL,
  PRIMARY KEY (channel, update_id)
);
CREATE INDEX processed_updates_age ON processed_updates(processed_at);

CREATE TABLE outbox (
  id TEXT PRIMARY KEY,
  conversation_id TEXT,
  recipient TEXT NOT NULL,              -- customer | owner
  channel TEXT NOT NULL,
  chat_id TEXT NOT NULL,
  payload TEXT NOT NULL,                -- JSON Outbound message
  status TEXT NOT NULL,                 -- pending | sent | failed
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  last_error TEXT,
  created_at TEXT NOT NULL,
  sent_at TEXT
);
CREATE INDEX outbox_pending ON outbox(status, next_attempt_at);
CREATE INDEX outbox_chat ON outbox(channel, chat_id, status);
