-- Bank transfers reported by the bank-notification service (SePay): every transaction is kept,
-- matched to an order or not, so the owner sees each đồng that came in. (source, external_id)
-- is unique: the service retries a delivery up to 7 times and a retry must change nothing.
-- A manual match by the owner fills order_code on an unmatched row, guarded in SQL.

CREATE TABLE bank_transfers (
  id TEXT PRIMARY KEY,
  source TEXT NOT NULL,                 -- sepay
  external_id TEXT NOT NULL,            -- the service's own transaction id
  bank TEXT NOT NULL,                   -- the bank's name as the service reports it
  account_number TEXT NOT NULL,
  sub_account TEXT,
  direction TEXT NOT NULL,              -- in | out
  amount INTEGER NOT NULL,              -- VND
  content TEXT NOT NULL,                -- the transfer note as the bank passed it on
  reference_code TEXT,
  transferred_at TEXT NOT NULL,         -- ISO-8601 (the service reports Vietnam time)
  received_at TEXT NOT NULL,
  order_code TEXT,                      -- null: unmatched
  outcome TEXT NOT NULL,                -- paid | partly_paid | overpaid | unmatched
  unmatched_reason TEXT,                -- no_code | unknown_order | other_account | outgoing | ambiguous
  matched_by TEXT,                      -- auto | owner
  matched_at TEXT,
  UNIQUE (source, external_id)
);
CREATE INDEX bank_transfers_order ON bank_transfers(order_code);
CREATE INDEX bank_transfers_received ON bank_transfers(received_at);
