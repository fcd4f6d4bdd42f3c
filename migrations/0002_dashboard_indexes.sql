-- Indexes for the owner's dashboard (src/admin/reports). Reports read one period of
-- conversations or events; these covering indexes answer those reads from the index alone.
-- Each replaces an index of 0001 that is its own leading part, so writes pay for no more
-- indexes than before.

-- Overview, satisfaction and per-flow figures: a range of started_at, grouped by channel or flow.
CREATE INDEX conversations_report ON conversations(started_at, channel, status, outcome, entry_flow, satisfaction_score, first_response_ms, customer_id);
DROP INDEX conversations_started;

-- Funnels: for each flow and step, the conversations that entered it in a period. With the
-- flow and step leading, rows come out already grouped and no sort of the period is needed.
CREATE INDEX events_funnel ON events(flow, type, step, created_at, conversation_id);
DROP INDEX events_flow_type;
