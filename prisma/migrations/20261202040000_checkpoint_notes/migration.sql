-- C2SP checkpoints (docs/preserve.md): each checkpoint is also signed as a tlog-checkpoint note under its log's origin
-- (kept per row, so the origin of a log never changes once its first note is signed), and witnesses' cosignatures
-- of those notes are kept beside them. Checkpoints sealed before this stay NULL and are signed as notes on demand.
ALTER TABLE "checkpoints" ADD COLUMN "origin" TEXT,
ADD COLUMN "note_signature" TEXT;

CREATE TABLE "checkpoint_cosignatures" (
    "id" TEXT NOT NULL,
    "log_id" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "witness" TEXT NOT NULL,
    "key_id" TEXT NOT NULL,
    "time" TIMESTAMPTZ(3) NOT NULL,
    "line" TEXT NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "checkpoint_cosignatures_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "checkpoint_cosignatures_log_id_size_key_id_key" ON "checkpoint_cosignatures"("log_id", "size", "key_id");

ALTER TABLE "checkpoint_cosignatures" ADD CONSTRAINT "checkpoint_cosignatures_log_id_size_fkey" FOREIGN KEY ("log_id", "size") REFERENCES "checkpoints"("log_id", "size") ON DELETE CASCADE ON UPDATE CASCADE;

-- Checkpoints stay append-only, with one exception: a checkpoint sealed before notes may get its origin and note
-- signature once (lib/record/mutations.ts signMissingNote), every other column unchanged.
DROP TRIGGER "checkpoints_no_update_delete" ON "checkpoints";

CREATE TRIGGER checkpoints_no_delete
  BEFORE DELETE ON "checkpoints"
  FOR EACH ROW EXECUTE FUNCTION governance_events_refuse_change();

CREATE TRIGGER checkpoints_no_update
  BEFORE UPDATE ON "checkpoints"
  FOR EACH ROW
  WHEN (NOT (OLD.origin IS NULL AND OLD.note_signature IS NULL
    AND (NEW.id, NEW.log_id, NEW.size, NEW.root_hash, NEW.timestamp, NEW.signature, NEW.key_id)
      IS NOT DISTINCT FROM (OLD.id, OLD.log_id, OLD.size, OLD.root_hash, OLD.timestamp, OLD.signature, OLD.key_id)))
  EXECUTE FUNCTION governance_events_refuse_change();

-- A witness's cosignature is a fact received; it is kept as it came.
CREATE TRIGGER checkpoint_cosignatures_no_update_delete
  BEFORE UPDATE OR DELETE ON "checkpoint_cosignatures"
  FOR EACH ROW EXECUTE FUNCTION governance_events_refuse_change();
