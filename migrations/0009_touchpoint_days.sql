-- The dashboard's touchpoint counts, one row per UTC day of started_at × channel × entry flow ×
-- stage × phase, so a report over a busy year adds up a few thousand rows instead of reading a
-- million conversations. Triggers keep the rows in step inside the very statement that writes a
-- conversation, a hand-over or an order (a turn's batch, the idle close, the owner's actions,
-- retention, erasure): they are never stale and no writer can forget them. A report reads whole
-- UTC days here and the hours at either end of its period from the conversations themselves.
-- '' stands for no flow, stage or phase: a key column that could be NULL would never conflict.
-- Measures are written as 0/1 comparisons (`x IS 'y'`) rather than conditional expressions.

-- The conversations followed by an order of their customer within 60 days (not the order
-- placed in that conversation, not a cancelled one): whether a touchpoint brings customers back.
-- With the conversation's touchpoint, so the journey reads these few rows without the conversations.
CREATE TABLE conversation_returns (
  conversation_id TEXT PRIMARY KEY,
  customer_id TEXT NOT NULL,
  channel TEXT NOT NULL,
  stage TEXT,
  phase TEXT,
  started_at TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO conversation_returns SELECT c.id, c.customer_id, c.channel, c.stage, c.phase, c.started_at FROM conversations c WHERE EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.customer_id AND o.created_at > c.started_at
    AND o.created_at <= strftime('%Y-%m-%dT%H:%M:%fZ', c.started_at, '+60 days') AND o.conversation_id IS NOT c.id AND o.shipping_status <> 'cancelled');

CREATE TABLE touchpoint_days (
  day TEXT NOT NULL,                 -- YYYY-MM-DD, the UTC day the conversation started
  channel TEXT NOT NULL,
  entry_flow TEXT NOT NULL,
  stage TEXT NOT NULL,
  phase TEXT NOT NULL,
  conversations INTEGER NOT NULL,
  closed INTEGER NOT NULL,
  completed INTEGER NOT NULL,        -- outcome completed
  abandoned INTEGER NOT NULL,        -- outcome abandoned
  closed_abandoned INTEGER NOT NULL, -- closed with outcome abandoned
  handed_over INTEGER NOT NULL,      -- outcome handed_over, or a person took part (a handovers row)
  answered INTEGER NOT NULL,         -- closed with a score
  scored INTEGER NOT NULL,
  score_sum INTEGER NOT NULL,
  score_1 INTEGER NOT NULL,
  score_2 INTEGER NOT NULL,
  score_3 INTEGER NOT NULL,
  score_4 INTEGER NOT NULL,
  score_5 INTEGER NOT NULL,
  responded INTEGER NOT NULL,        -- with a first-response time
  returned_high INTEGER NOT NULL,    -- scored 4-5 and followed by an order (conversation_returns)
  returned_low INTEGER NOT NULL,     -- scored 1-3 and followed by an order
  PRIMARY KEY (day, channel, entry_flow, stage, phase)
) WITHOUT ROWID;

INSERT INTO touchpoint_days
SELECT substr(c.started_at, 1, 10), c.channel, coalesce(c.entry_flow, ''), coalesce(c.stage, ''), coalesce(c.phase, ''),
  count(*),
  sum(c.status = 'closed'),
  sum(c.outcome IS 'completed'),
  sum(c.outcome IS 'abandoned'),
  sum(c.status = 'closed' AND c.outcome IS 'abandoned'),
  sum(c.outcome IS 'handed_over' OR EXISTS (SELECT 1 FROM handovers h WHERE h.conversation_id = c.id)),
  sum(c.status = 'closed' AND c.satisfaction_score IS NOT NULL),
  sum(c.satisfaction_score IS NOT NULL),
  sum(coalesce(c.satisfaction_score, 0)),
  sum(c.satisfaction_score IS 1),
  sum(c.satisfaction_score IS 2),
  sum(c.satisfaction_score IS 3),
  sum(c.satisfaction_score IS 4),
  sum(c.satisfaction_score IS 5),
  sum(c.first_response_ms IS NOT NULL),
  sum((c.satisfaction_score >= 4) IS 1 AND EXISTS (SELECT 1 FROM conversation_returns x WHERE x.conversation_id = c.id)),
  sum((c.satisfaction_score < 4) IS 1 AND EXISTS (SELECT 1 FROM conversation_returns x WHERE x.conversation_id = c.id))
FROM conversations c
GROUP BY 1, 2, 3, 4, 5;

-- A new conversation is counted first and then marked as followed by an order (for imported
-- older ones), which the trigger on conversation_returns adds to its row.
CREATE TRIGGER touchpoint_days_conversation_added AFTER INSERT ON conversations FOR EACH ROW BEGIN
  INSERT INTO touchpoint_days VALUES (
    substr(new.started_at, 1, 10), new.channel, coalesce(new.entry_flow, ''), coalesce(new.stage, ''), coalesce(new.phase, ''),
    1,
    new.status = 'closed',
    new.outcome IS 'completed',
    new.outcome IS 'abandoned',
    new.status = 'closed' AND new.outcome IS 'abandoned',
    new.outcome IS 'handed_over' OR EXISTS (SELECT 1 FROM handovers h WHERE h.conversation_id = new.id),
    new.status = 'closed' AND new.satisfaction_score IS NOT NULL,
    new.satisfaction_score IS NOT NULL,
    coalesce(new.satisfaction_score, 0),
    new.satisfaction_score IS 1,
    new.satisfaction_score IS 2,
    new.satisfaction_score IS 3,
    new.satisfaction_score IS 4,
    new.satisfaction_score IS 5,
    new.first_response_ms IS NOT NULL,
    (new.satisfaction_score >= 4) IS 1 AND EXISTS (SELECT 1 FROM conversation_returns x WHERE x.conversation_id = new.id),
    (new.satisfaction_score < 4) IS 1 AND EXISTS (SELECT 1 FROM conversation_returns x WHERE x.conversation_id = new.id))
  ON CONFLICT (day, channel, entry_flow, stage, phase) DO UPDATE SET
    conversations = conversations + excluded.conversations,
    closed = closed + excluded.closed,
    completed = completed + excluded.completed,
    abandoned = abandoned + excluded.abandoned,
    closed_abandoned = closed_abandoned + excluded.closed_abandoned,
    handed_over = handed_over + excluded.handed_over,
    answered = answered + excluded.answered,
    scored = scored + excluded.scored,
    score_sum = score_sum + excluded.score_sum,
    score_1 = score_1 + excluded.score_1,
    score_2 = score_2 + excluded.score_2,
    score_3 = score_3 + excluded.score_3,
    score_4 = score_4 + excluded.score_4,
    score_5 = score_5 + excluded.score_5,
    responded = responded + excluded.responded,
    returned_high = returned_high + excluded.returned_high,
    returned_low = returned_low + excluded.returned_low;
  INSERT INTO conversation_returns SELECT new.id, new.customer_id, new.channel, new.stage, new.phase, new.started_at WHERE EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = new.customer_id AND o.created_at > new.started_at
    AND o.created_at <= strftime('%Y-%m-%dT%H:%M:%fZ', new.started_at, '+60 days') AND o.conversation_id IS NOT new.id AND o.shipping_status <> 'cancelled');
END;

-- Most turns change none of these columns: the WHEN clause keeps them free of any roll-up work.
CREATE TRIGGER touchpoint_days_conversation_changed AFTER UPDATE ON conversations FOR EACH ROW
WHEN old.started_at IS NOT new.started_at OR old.channel IS NOT new.channel OR old.entry_flow IS NOT new.entry_flow
  OR old.stage IS NOT new.stage OR old.phase IS NOT new.phase OR old.status IS NOT new.status OR old.outcome IS NOT new.outcome
  OR old.satisfaction_score IS NOT new.satisfaction_score OR (old.first_response_ms IS NULL) <> (new.first_response_ms IS NULL)
BEGIN
  INSERT INTO touchpoint_days VALUES (
    substr(old.started_at, 1, 10), old.channel, coalesce(old.entry_flow, ''), coalesce(old.stage, ''), coalesce(old.phase, ''),
    -1,
    -(old.status = 'closed'),
    -(old.outcome IS 'completed'),
    -(old.outcome IS 'abandoned'),
    -(old.status = 'closed' AND old.outcome IS 'abandoned'),
    -(old.outcome IS 'handed_over' OR EXISTS (SELECT 1 FROM handovers h WHERE h.conversation_id = old.id)),
    -(old.status = 'closed' AND old.satisfaction_score IS NOT NULL),
    -(old.satisfaction_score IS NOT NULL),
    -coalesce(old.satisfaction_score, 0),
    -(old.satisfaction_score IS 1),
    -(old.satisfaction_score IS 2),
    -(old.satisfaction_score IS 3),
    -(old.satisfaction_score IS 4),
    -(old.satisfaction_score IS 5),
    -(old.first_response_ms IS NOT NULL),
    -((old.satisfaction_score >= 4) IS 1 AND EXISTS (SELECT 1 FROM conversation_returns x WHERE x.conversation_id = old.id)),
    -((old.satisfaction_score < 4) IS 1 AND EXISTS (SELECT 1 FROM conversation_returns x WHERE x.conversation_id = old.id)))
  ON CONFLICT (day, channel, entry_flow, stage, phase) DO UPDATE SET
    conversations = conversations + excluded.conversations,
    closed = closed + excluded.closed,
    completed = completed + excluded.completed,
    abandoned = abandoned + excluded.abandoned,
    closed_abandoned = closed_abandoned + excluded.closed_abandoned,
    handed_over = handed_over + excluded.handed_over,
    answered = answered + excluded.answered,
    scored = scored + excluded.scored,
    score_sum = score_sum + excluded.score_sum,
    score_1 = score_1 + excluded.score_1,
    score_2 = score_2 + excluded.score_2,
    score_3 = score_3 + excluded.score_3,
    score_4 = score_4 + excluded.score_4,
    score_5 = score_5 + excluded.score_5,
    responded = responded + excluded.responded,
    returned_high = returned_high + excluded.returned_high,
    returned_low = returned_low + excluded.returned_low;
  INSERT INTO touchpoint_days VALUES (
    substr(new.started_at, 1, 10), new.channel, coalesce(new.entry_flow, ''), coalesce(new.stage, ''), coalesce(new.phase, ''),
    1,
    new.status = 'closed',
    new.outcome IS 'completed',
    new.outcome IS 'abandoned',
    new.status = 'closed' AND new.outcome IS 'abandoned',
    new.outcome IS 'handed_over' OR EXISTS (SELECT 1 FROM handovers h WHERE h.conversation_id = new.id),
    new.status = 'closed' AND new.satisfaction_score IS NOT NULL,
    new.satisfaction_score IS NOT NULL,
    coalesce(new.satisfaction_score, 0),
    new.satisfaction_score IS 1,
    new.satisfaction_score IS 2,
    new.satisfaction_score IS 3,
    new.satisfaction_score IS 4,
    new.satisfaction_score IS 5,
    new.first_response_ms IS NOT NULL,
    (new.satisfaction_score >= 4) IS 1 AND EXISTS (SELECT 1 FROM conversation_returns x WHERE x.conversation_id = new.id),
    (new.satisfaction_score < 4) IS 1 AND EXISTS (SELECT 1 FROM conversation_returns x WHERE x.conversation_id = new.id))
  ON CONFLICT (day, channel, entry_flow, stage, phase) DO UPDATE SET
    conversations = conversations + excluded.conversations,
    closed = closed + excluded.closed,
    completed = completed + excluded.completed,
    abandoned = abandoned + excluded.abandoned,
    closed_abandoned = closed_abandoned + excluded.closed_abandoned,
    handed_over = handed_over + excluded.handed_over,
    answered = answered + excluded.answered,
    scored = scored + excluded.scored,
    score_sum = score_sum + excluded.score_sum,
    score_1 = score_1 + excluded.score_1,
    score_2 = score_2 + excluded.score_2,
    score_3 = score_3 + excluded.score_3,
    score_4 = score_4 + excluded.score_4,
    score_5 = score_5 + excluded.score_5,
    responded = responded + excluded.responded,
    returned_high = returned_high + excluded.returned_high,
    returned_low = returned_low + excluded.returned_low;
  UPDATE conversation_returns SET channel = new.channel, stage = new.stage, phase = new.phase, started_at = new.started_at
  WHERE conversation_id = new.id;
END;

-- Uncounted first, then unmarked: the trigger on conversation_returns finds no conversation left to change.
CREATE TRIGGER touchpoint_days_conversation_removed AFTER DELETE ON conversations FOR EACH ROW BEGIN
  INSERT INTO touchpoint_days VALUES (
    substr(old.started_at, 1, 10), old.channel, coalesce(old.entry_flow, ''), coalesce(old.stage, ''), coalesce(old.phase, ''),
    -1,
    -(old.status = 'closed'),
    -(old.outcome IS 'completed'),
    -(old.outcome IS 'abandoned'),
    -(old.status = 'closed' AND old.outcome IS 'abandoned'),
    -(old.outcome IS 'handed_over' OR EXISTS (SELECT 1 FROM handovers h WHERE h.conversation_id = old.id)),
    -(old.status = 'closed' AND old.satisfaction_score IS NOT NULL),
    -(old.satisfaction_score IS NOT NULL),
    -coalesce(old.satisfaction_score, 0),
    -(old.satisfaction_score IS 1),
    -(old.satisfaction_score IS 2),
    -(old.satisfaction_score IS 3),
    -(old.satisfaction_score IS 4),
    -(old.satisfaction_score IS 5),
    -(old.first_response_ms IS NOT NULL),
    -((old.satisfaction_score >= 4) IS 1 AND EXISTS (SELECT 1 FROM conversation_returns x WHERE x.conversation_id = old.id)),
    -((old.satisfaction_score < 4) IS 1 AND EXISTS (SELECT 1 FROM conversation_returns x WHERE x.conversation_id = old.id)))
  ON CONFLICT (day, channel, entry_flow, stage, phase) DO UPDATE SET
    conversations = conversations + excluded.conversations,
    closed = closed + excluded.closed,
    completed = completed + excluded.completed,
    abandoned = abandoned + excluded.abandoned,
    closed_abandoned = closed_abandoned + excluded.closed_abandoned,
    handed_over = handed_over + excluded.handed_over,
    answered = answered + excluded.answered,
    scored = scored + excluded.scored,
    score_sum = score_sum + excluded.score_sum,
    score_1 = score_1 + excluded.score_1,
    score_2 = score_2 + excluded.score_2,
    score_3 = score_3 + excluded.score_3,
    score_4 = score_4 + excluded.score_4,
    score_5 = score_5 + excluded.score_5,
    responded = responded + excluded.responded,
    returned_high = returned_high + excluded.returned_high,
    returned_low = returned_low + excluded.returned_low;
  DELETE FROM conversation_returns WHERE conversation_id = old.id;
END;

-- A person takes part in a conversation whose outcome does not already say so: it now counts as handed over.
CREATE TRIGGER touchpoint_days_handover_added AFTER INSERT ON handovers FOR EACH ROW BEGIN
  UPDATE touchpoint_days SET handed_over = handed_over + 1
  WHERE (day, channel, entry_flow, stage, phase) IN (
    SELECT substr(c.started_at, 1, 10), c.channel, coalesce(c.entry_flow, ''), coalesce(c.stage, ''), coalesce(c.phase, '')
    FROM conversations c WHERE c.id = new.conversation_id AND c.outcome IS NOT 'handed_over');
END;

CREATE TRIGGER touchpoint_days_handover_removed AFTER DELETE ON handovers FOR EACH ROW BEGIN
  UPDATE touchpoint_days SET handed_over = handed_over - 1
  WHERE (day, channel, entry_flow, stage, phase) IN (
    SELECT substr(c.started_at, 1, 10), c.channel, coalesce(c.entry_flow, ''), coalesce(c.stage, ''), coalesce(c.phase, '')
    FROM conversations c WHERE c.id = old.conversation_id AND c.outcome IS NOT 'handed_over');
END;

CREATE TRIGGER touchpoint_days_return_added AFTER INSERT ON conversation_returns FOR EACH ROW BEGIN
  UPDATE touchpoint_days SET
    returned_high = returned_high + (SELECT (c.satisfaction_score >= 4) IS 1 FROM conversations c WHERE c.id = new.conversation_id),
    returned_low = returned_low + (SELECT (c.satisfaction_score < 4) IS 1 FROM conversations c WHERE c.id = new.conversation_id)
  WHERE (day, channel, entry_flow, stage, phase) = (SELECT substr(c.started_at, 1, 10), c.channel, coalesce(c.entry_flow, ''), coalesce(c.stage, ''), coalesce(c.phase, '') FROM conversations c WHERE c.id = new.conversation_id);
END;

CREATE TRIGGER touchpoint_days_return_removed AFTER DELETE ON conversation_returns FOR EACH ROW BEGIN
  UPDATE touchpoint_days SET
    returned_high = returned_high - (SELECT (c.satisfaction_score >= 4) IS 1 FROM conversations c WHERE c.id = old.conversation_id),
    returned_low = returned_low - (SELECT (c.satisfaction_score < 4) IS 1 FROM conversations c WHERE c.id = old.conversation_id)
  WHERE (day, channel, entry_flow, stage, phase) = (SELECT substr(c.started_at, 1, 10), c.channel, coalesce(c.entry_flow, ''), coalesce(c.stage, ''), coalesce(c.phase, '') FROM conversations c WHERE c.id = old.conversation_id);
END;

-- An order marks the customer's conversations of the 60 days before it; a changed or removed
-- order unmarks those of its old window that no other order still qualifies. Payment updates
-- change none of these columns and do nothing here.
CREATE TRIGGER conversation_returns_order_added AFTER INSERT ON orders FOR EACH ROW WHEN new.shipping_status <> 'cancelled' BEGIN
  INSERT OR IGNORE INTO conversation_returns
  SELECT c.id, c.customer_id, c.channel, c.stage, c.phase, c.started_at FROM (SELECT c.id FROM conversations c WHERE c.customer_id = new.customer_id AND c.started_at < new.created_at
    AND c.started_at >= strftime('%Y-%m-%dT%H:%M:%fZ', new.created_at, '-61 days')) AS w JOIN conversations c ON c.id = w.id
  WHERE new.created_at <= strftime('%Y-%m-%dT%H:%M:%fZ', c.started_at, '+60 days') AND new.conversation_id IS NOT c.id;
END;

CREATE TRIGGER conversation_returns_order_changed AFTER UPDATE ON orders FOR EACH ROW
WHEN old.shipping_status IS NOT new.shipping_status OR old.created_at IS NOT new.created_at OR old.customer_id IS NOT new.customer_id
  OR old.conversation_id IS NOT new.conversation_id
BEGIN
  DELETE FROM conversation_returns WHERE conversation_id IN (SELECT c.id FROM conversations c WHERE c.customer_id = old.customer_id AND c.started_at < old.created_at
    AND c.started_at >= strftime('%Y-%m-%dT%H:%M:%fZ', old.created_at, '-61 days'))
    AND NOT EXISTS (SELECT 1 FROM conversations c WHERE c.id = conversation_returns.conversation_id AND EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.customer_id AND o.created_at > c.started_at
    AND o.created_at <= strftime('%Y-%m-%dT%H:%M:%fZ', c.started_at, '+60 days') AND o.conversation_id IS NOT c.id AND o.shipping_status <> 'cancelled'));
  INSERT OR IGNORE INTO conversation_returns
  SELECT c.id, c.customer_id, c.channel, c.stage, c.phase, c.started_at FROM conversations c WHERE c.id IN (SELECT c.id FROM conversations c WHERE c.customer_id = new.customer_id AND c.started_at < new.created_at
    AND c.started_at >= strftime('%Y-%m-%dT%H:%M:%fZ', new.created_at, '-61 days')) AND EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.customer_id AND o.created_at > c.started_at
    AND o.created_at <= strftime('%Y-%m-%dT%H:%M:%fZ', c.started_at, '+60 days') AND o.conversation_id IS NOT c.id AND o.shipping_status <> 'cancelled');
END;

CREATE TRIGGER conversation_returns_order_removed AFTER DELETE ON orders FOR EACH ROW BEGIN
  DELETE FROM conversation_returns WHERE conversation_id IN (SELECT c.id FROM conversations c WHERE c.customer_id = old.customer_id AND c.started_at < old.created_at
    AND c.started_at >= strftime('%Y-%m-%dT%H:%M:%fZ', old.created_at, '-61 days'))
    AND NOT EXISTS (SELECT 1 FROM conversations c WHERE c.id = conversation_returns.conversation_id AND EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.customer_id AND o.created_at > c.started_at
    AND o.created_at <= strftime('%Y-%m-%dT%H:%M:%fZ', c.started_at, '+60 days') AND o.conversation_id IS NOT c.id AND o.shipping_status <> 'cancelled'));
END;

-- Each conversation's place among its customer's conversations (in started_at, id order): the
-- start of the one before and its number. A period's customers are then its conversations
-- that are their customer's first in the period (none before, or the one before is older), and
-- those who came back are the ones with an older conversation, or whose second conversation
-- ever is in the period too: one pass over an index of the period, no grouping by customer.
CREATE TABLE customer_visits (
  conversation_id TEXT PRIMARY KEY,
  customer_id TEXT NOT NULL,
  channel TEXT NOT NULL,
  started_at TEXT NOT NULL,
  previous_started_at TEXT,          -- NULL: the customer's first conversation
  visit INTEGER NOT NULL             -- 1 for the first conversation, 2 for the second, ...
) WITHOUT ROWID;
CREATE INDEX customer_visits_customer ON customer_visits(customer_id, started_at, conversation_id);
CREATE INDEX customer_visits_period ON customer_visits(started_at, channel, previous_started_at, visit);

INSERT INTO customer_visits
SELECT id, customer_id, channel, started_at,
  lag(started_at) OVER (PARTITION BY customer_id ORDER BY started_at, id),
  row_number() OVER (PARTITION BY customer_id ORDER BY started_at, id)
FROM conversations;

-- Conversations are written in time order, so the updates of later visits usually touch no row;
-- they keep the numbers right when older conversations are imported or removed.
CREATE TRIGGER customer_visits_added AFTER INSERT ON conversations FOR EACH ROW BEGIN
  UPDATE customer_visits SET visit = visit + 1
  WHERE customer_id = new.customer_id AND (started_at, conversation_id) > (new.started_at, new.id);
  UPDATE customer_visits SET previous_started_at = new.started_at
  WHERE conversation_id = (SELECT v.conversation_id FROM customer_visits v WHERE v.customer_id = new.customer_id AND (v.started_at, v.conversation_id) > (new.started_at, new.id)
    ORDER BY v.started_at, v.conversation_id LIMIT 1);
  INSERT INTO customer_visits (conversation_id, customer_id, channel, started_at, previous_started_at, visit)
  SELECT new.id, new.customer_id, new.channel, new.started_at,
    (SELECT v.started_at FROM customer_visits v WHERE v.customer_id = new.customer_id AND (v.started_at, v.conversation_id) < (new.started_at, new.id)
      ORDER BY v.started_at DESC, v.conversation_id DESC LIMIT 1),
    1 + (SELECT count(*) FROM customer_visits v WHERE v.customer_id = new.customer_id AND (v.started_at, v.conversation_id) < (new.started_at, new.id));
END;

CREATE TRIGGER customer_visits_removed AFTER DELETE ON conversations FOR EACH ROW BEGIN
  UPDATE customer_visits SET previous_started_at = (SELECT v.previous_started_at FROM customer_visits v WHERE v.conversation_id = old.id)
  WHERE conversation_id = (SELECT v.conversation_id FROM customer_visits v WHERE v.customer_id = old.customer_id AND (v.started_at, v.conversation_id) > (old.started_at, old.id)
    ORDER BY v.started_at, v.conversation_id LIMIT 1);
  UPDATE customer_visits SET visit = visit - 1
  WHERE customer_id = old.customer_id AND (started_at, conversation_id) > (old.started_at, old.id);
  DELETE FROM customer_visits WHERE conversation_id = old.id;
END;

-- The journey page groups a long period (its default is a year) by stage × phase × channel.
-- In these two indexes each touchpoint's rows come out already grouped: by customer (their
-- first conversation of the period, their scores) and by first-response time (a median is
-- reached by counting along the index instead of sorting the period).
CREATE INDEX conversations_touchpoint_customer ON conversations(stage, phase, channel, customer_id, started_at, id, satisfaction_score);
CREATE INDEX conversations_touchpoint_response ON conversations(stage, phase, channel, first_response_ms, started_at);
