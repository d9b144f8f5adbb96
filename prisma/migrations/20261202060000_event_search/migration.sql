-- Full-text search moves from an expression index on governance_events to its own table, so that an archive's import
-- (a million events in one transaction) can leave it to a background job: maintaining the GIN index row by row was
-- most of the import's time, and the job (lib/record/mutations/search.ts) writes the same rows in batches after commit.
-- Everything else keeps it as before: a trigger writes each event's search row in the inserting transaction.

-- The searchable text of an event: the expression the old index used, now in one place.
CREATE FUNCTION event_search_doc(type TEXT, subject JSONB, data JSONB) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN to_tsvector('english'::regconfig, replace(type, '.', ' ') || ' ' || subject::text || ' ' || data::text);

-- Derived from governance_events (rebuildable from it), so no foreign key: events are never deleted, and a check
-- per row would cost the batches this table exists to allow.
CREATE TABLE "event_search" (
    "event_id" BIGINT NOT NULL,
    "space_id" TEXT NOT NULL,
    "doc" tsvector NOT NULL,
    CONSTRAINT "event_search_pkey" PRIMARY KEY ("event_id")
);
CREATE INDEX "event_search_doc_idx" ON "event_search" USING gin ("doc");

-- Ranges of a space's events still to be indexed (an import's); the job deletes a range once it is done.
CREATE TABLE "search_backlog" (
    "space_id" TEXT NOT NULL,
    "from_id" BIGINT NOT NULL,
    "to_id" BIGINT NOT NULL,
    CONSTRAINT "search_backlog_pkey" PRIMARY KEY ("space_id", "from_id")
);

-- Only an import sets commonweights.search_deferred (SET LOCAL, its own transaction), and it records the backlog.
-- A row trigger whose WHEN is false costs next to nothing; a statement trigger with a transition table cost an
-- import about a third of its time even when it wrote nothing (every row copied into the transition table).
CREATE FUNCTION governance_events_index_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO event_search (event_id, space_id, doc) VALUES (NEW.id, NEW.space_id, event_search_doc(NEW.type, NEW.subject, NEW.data));
  RETURN NULL;
END $$;

CREATE TRIGGER governance_events_search AFTER INSERT ON governance_events FOR EACH ROW
  WHEN (NEW.space_id IS NOT NULL AND current_setting('commonweights.search_deferred', true) IS DISTINCT FROM 'on')
  EXECUTE FUNCTION governance_events_index_search();

INSERT INTO event_search (event_id, space_id, doc)
  SELECT id, space_id, event_search_doc(type, subject, data) FROM governance_events WHERE space_id IS NOT NULL;

DROP INDEX governance_events_search;
