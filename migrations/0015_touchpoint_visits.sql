-- Each conversation's link to its customer's previous conversation at the same touchpoint
-- (stage × phase × channel, in started_at, id order). A conversation is then its customer's
-- first at that touchpoint in a period when the previous one is older than the period or
-- missing: the journey counts a touchpoint's customers, and checks which of the conversations
-- followed by an order were first visits, by reading this link instead of each customer's
-- other conversations. The neighbours are found in conversations_touchpoint_customer
-- (migrations/0009), so a new conversation costs two index seeks and one row here.
CREATE TABLE touchpoint_visits (
  conversation_id TEXT PRIMARY KEY,
  stage TEXT,
  phase TEXT,
  channel TEXT NOT NULL,
  started_at TEXT NOT NULL,
  previous_started_at TEXT           -- NULL: the customer's first conversation at this touchpoint
) WITHOUT ROWID;
CREATE INDEX touchpoint_visits_period ON touchpoint_visits(stage, phase, channel, started_at, previous_started_at);

INSERT INTO touchpoint_visits
SELECT id, stage, phase, channel, started_at,
  lag(started_at) OVER (PARTITION BY stage, phase, channel, customer_id ORDER BY started_at, id)
FROM conversations;

-- Conversations are written in time order, so the first update usually finds no later visit;
-- it keeps the links right when older conversations are imported.
CREATE TRIGGER touchpoint_visits_added AFTER INSERT ON conversations FOR EACH ROW BEGIN
  UPDATE touchpoint_visits SET previous_started_at = new.started_at
  WHERE conversation_id = (SELECT c.id FROM conversations c WHERE c.stage IS new.stage AND c.phase IS new.phase AND c.channel = new.channel
    AND c.customer_id = new.customer_id AND (c.started_at, c.id) > (new.started_at, new.id) ORDER BY c.started_at, c.id LIMIT 1);
  INSERT INTO touchpoint_visits VALUES (new.id, new.stage, new.phase, new.channel, new.started_at,
    (SELECT c.started_at FROM conversations c WHERE c.stage IS new.stage AND c.phase IS new.phase AND c.channel = new.channel
      AND c.customer_id = new.customer_id AND (c.started_at, c.id) < (new.started_at, new.id) ORDER BY c.started_at DESC, c.id DESC LIMIT 1));
END;

-- A conversation that moves to another stage or phase (or is otherwise re-keyed) leaves its
-- place — the next visit there takes over its previous one — and joins the new one. Turns that
-- change none of these columns do nothing here.
CREATE TRIGGER touchpoint_visits_changed AFTER UPDATE ON conversations FOR EACH ROW
WHEN old.stage IS NOT new.stage OR old.phase IS NOT new.phase OR old.channel IS NOT new.channel
  OR old.customer_id IS NOT new.customer_id OR old.started_at IS NOT new.started_at
BEGIN
  UPDATE touchpoint_visits SET previous_started_at = (SELECT t.previous_started_at FROM touchpoint_visits t WHERE t.conversation_id = old.id)
  WHERE conversation_id = (SELECT c.id FROM conversations c WHERE c.stage IS old.stage AND c.phase IS old.phase AND c.channel = old.channel
    AND c.customer_id = old.customer_id AND (c.started_at, c.id) > (old.started_at, old.id) AND c.id <> old.id ORDER BY c.started_at, c.id LIMIT 1);
  UPDATE touchpoint_visits SET previous_started_at = new.started_at
  WHERE conversation_id = (SELECT c.id FROM conversations c WHERE c.stage IS new.stage AND c.phase IS new.phase AND c.channel = new.channel
    AND c.customer_id = new.customer_id AND (c.started_at, c.id) > (new.started_at, new.id) ORDER BY c.started_at, c.id LIMIT 1);
  UPDATE touchpoint_visits SET stage = new.stage, phase = new.phase, channel = new.channel, started_at = new.started_at,
    previous_started_at = (SELECT c.started_at FROM conversations c WHERE c.stage IS new.stage AND c.phase IS new.phase AND c.channel = new.channel
      AND c.customer_id = new.customer_id AND (c.started_at, c.id) < (new.started_at, new.id) ORDER BY c.started_at DESC, c.id DESC LIMIT 1)
  WHERE conversation_id = new.id;
END;

CREATE TRIGGER touchpoint_visits_removed AFTER DELETE ON conversations FOR EACH ROW BEGIN
  UPDATE touchpoint_visits SET previous_started_at = (SELECT t.previous_started_at FROM touchpoint_visits t WHERE t.conversation_id = old.id)
  WHERE conversation_id = (SELECT c.id FROM conversations c WHERE c.stage IS old.stage AND c.phase IS old.phase AND c.channel = old.channel
    AND c.customer_id = old.customer_id AND (c.started_at, c.id) > (old.started_at, old.id) ORDER BY c.started_at, c.id LIMIT 1);
  DELETE FROM touchpoint_visits WHERE conversation_id = old.id;
END;
