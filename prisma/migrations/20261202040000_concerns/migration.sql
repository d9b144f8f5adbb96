-- Blocking concerns (lib/concerns/): raised by a binding voter on an open decision or on a release in review,
-- resolved by the one who raised it or overridden by a steward with a reason. Each change is also a record event.
CREATE TYPE "ConcernStatus" AS ENUM ('open', 'resolved', 'overridden');

CREATE TABLE "concerns" (
    "id" TEXT NOT NULL,
    "space_id" TEXT NOT NULL,
    "decision_id" TEXT,
    "release_id" TEXT,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "status" "ConcernStatus" NOT NULL DEFAULT 'open',
    "raised_by_id" TEXT NOT NULL,
    "raised_at" TIMESTAMPTZ(3) NOT NULL,
    "closed_by_id" TEXT,
    "closed_at" TIMESTAMPTZ(3),
    "close_note" TEXT,

    CONSTRAINT "concerns_pkey" PRIMARY KEY ("id"),
    -- A concern is about exactly one thing: a decision or a release.
    CONSTRAINT "concerns_one_subject_check" CHECK (("decision_id" IS NULL) <> ("release_id" IS NULL)),
    -- Open means not yet closed; a closed one says who closed it and when.
    CONSTRAINT "concerns_closed_check" CHECK (("status" = 'open') = ("closed_at" IS NULL) AND ("closed_at" IS NULL) = ("closed_by_id" IS NULL))
);

CREATE INDEX "concerns_decision_id_status_idx" ON "concerns"("decision_id", "status");

CREATE INDEX "concerns_release_id_status_idx" ON "concerns"("release_id", "status");

ALTER TABLE "concerns" ADD CONSTRAINT "concerns_space_id_fkey" FOREIGN KEY ("space_id") REFERENCES "spaces"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "concerns" ADD CONSTRAINT "concerns_decision_id_fkey" FOREIGN KEY ("decision_id") REFERENCES "decisions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "concerns" ADD CONSTRAINT "concerns_release_id_fkey" FOREIGN KEY ("release_id") REFERENCES "releases"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
