-- Dashboard pages over a busy year (a million touchpoints, ten million events): each index
-- below lets one report read only an index instead of one table row per conversation or event.
-- Each replaces an index that is its own leading part, except the last step of a conversation.

-- Overview and flow figures ask, per conversation of the period, whether a person took part
-- (handovers by conversation id): with the id in the index that needs no table row.
CREATE INDEX conversations_period ON conversations(started_at, channel, status, outcome, entry_flow, satisfaction_score, first_response_ms, customer_id, id);
DROP INDEX conversations_report;

-- What customers wrote that the bot did not understand: the text is in the event's detail.
CREATE INDEX events_type_detail ON events(type, created_at, detail);
DROP INDEX events_type_created;

-- Where an abandoned conversation stopped: its newest step_entered event, found in the index.
CREATE INDEX events_conversation_type ON events(conversation_id, type, id);

-- What customers wrote after scoring: only the conversations with a comment, by period.
CREATE INDEX conversations_commented ON conversations(started_at) WHERE satisfaction_comment IS NOT NULL;
