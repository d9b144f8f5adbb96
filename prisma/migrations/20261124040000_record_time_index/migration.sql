-- History filtered by date range, newest first: read just that stretch of a space's events
-- (lib/record/data.ts listHistory orders by created_at, id when a date filter is given).
CREATE INDEX governance_events_space_time ON governance_events (space_id, created_at, id);
