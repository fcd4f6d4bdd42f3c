-- The owner works the shop from a chat (issue 6): which of the bot's messages in the owner's
-- chat stand for which conversation (so a reply reaches that customer), and the conversations
-- waiting for a person (so a customer nobody answers is told when the shop will reply).

CREATE TABLE owner_relays (
  channel TEXT NOT NULL,                -- the owner's platform (telegram)
  chat_id TEXT NOT NULL,                -- the owner's chat
  message_id TEXT NOT NULL,             -- the platform's id of the bot's message in that chat
  conversation_id TEXT NOT NULL REFERENCES conversations(id),
  customer_id TEXT NOT NULL REFERENCES customers(id),
  created_at TEXT NOT NULL,
  PRIMARY KEY (channel, chat_id, message_id)
);
CREATE INDEX owner_relays_age ON owner_relays(created_at);

CREATE TABLE handovers (
  conversation_id TEXT PRIMARY KEY REFERENCES conversations(id),
  customer_id TEXT NOT NULL REFERENCES customers(id),
  requested_at TEXT NOT NULL,           -- the latest time the customer asked for a person
  owner_replied_at TEXT,                -- the owner's first reply since then
  customer_told_at TEXT                 -- when the customer was told when the shop will reply
);
CREATE INDEX handovers_waiting ON handovers(requested_at);
