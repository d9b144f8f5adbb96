-- The event catalog (lib/record/events/): each new event records its type's catalog version and how the write came.
-- Both stay NULL on events recorded before, whose canonical content (and so hash) has neither field.
ALTER TABLE "governance_events" ADD COLUMN "type_version" INTEGER,
ADD COLUMN "via" TEXT,
ADD CONSTRAINT "governance_events_via_check" CHECK ("via" IN ('session', 'token', 'system'));
