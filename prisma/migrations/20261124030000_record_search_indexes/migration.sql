-- Full-text search over the history: the exact expression lib/record/data.ts searches with, so a rare word
-- is found by the index instead of a walk through the space's events.
CREATE INDEX governance_events_search ON governance_events
  USING gin (to_tsvector('english', replace(type, '.', ' ') || ' ' || subject::text || ' ' || data::text));

-- History slices of one release, report or decision: subject @> '{"releaseId": ...}'.
CREATE INDEX governance_events_subject ON governance_events USING gin (subject jsonb_path_ops);
