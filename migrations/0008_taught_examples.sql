-- What the owner taught the bot on the dashboard: a message customers sent that the bot did not
-- understand, assigned to a flow, to an FAQ entry, or marked as not for the shop (both null).
-- Node retrains at once; a Worker uses them from the next `npm run flows:bundle` (deploy).

CREATE TABLE taught_examples (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  text TEXT NOT NULL,
  -- The folded text: one lesson per way of writing it (re-teaching replaces the answer).
  text_key TEXT NOT NULL UNIQUE,
  flow TEXT,
  faq TEXT,
  created_at TEXT NOT NULL
);
