-- Threads, comments and proposals (lib/threads/), and the texts the record commits to by a salted hash
-- (docs/record.md, "Committed texts"). record_texts is the only place a comment's text is kept: a redaction
-- deletes its rows, and the log, which holds only the commitment, stays as it was.
CREATE TABLE "record_texts" (
    "event_id" UUID NOT NULL,
    "salt" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "record_texts_pkey" PRIMARY KEY ("event_id"),
    CONSTRAINT "record_texts_salt_check" CHECK ("salt" ~ '^[0-9a-f]{64}$')
);

CREATE TABLE "proposals" (
    "id" TEXT NOT NULL,
    "space_id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "decision_id" TEXT,
    "release_id" TEXT,
    "created_by_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "proposals_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "comments" (
    "id" TEXT NOT NULL,
    "space_id" TEXT NOT NULL,
    "subject_kind" TEXT NOT NULL,
    "subject_id" TEXT NOT NULL,
    "parent_id" TEXT,
    "author_id" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'visible',
    "hidden_reason" TEXT,
    "hidden_by_id" TEXT,
    "mentions" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "redacted_at" TIMESTAMPTZ(3),
    "redacted_by_id" TEXT,
    "redaction_reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "edited_at" TIMESTAMPTZ(3),
    CONSTRAINT "comments_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "comments_state_check" CHECK ("state" IN ('visible', 'hidden', 'deleted')),
    CONSTRAINT "comments_subject_kind_check" CHECK ("subject_kind" IN ('release', 'audit', 'decision', 'proposal', 'concern'))
);

CREATE TABLE "comment_versions" (
    "id" TEXT NOT NULL,
    "comment_id" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "event_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "comment_versions_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "proposals_decision_id_key" ON "proposals"("decision_id");
CREATE INDEX "proposals_space_id_created_at_idx" ON "proposals"("space_id", "created_at");
CREATE INDEX "comments_space_id_subject_kind_subject_id_created_at_idx" ON "comments"("space_id", "subject_kind", "subject_id", "created_at");
CREATE UNIQUE INDEX "comment_versions_event_id_key" ON "comment_versions"("event_id");
CREATE UNIQUE INDEX "comment_versions_comment_id_version_key" ON "comment_versions"("comment_id", "version");

ALTER TABLE "record_texts" ADD CONSTRAINT "record_texts_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "governance_events"("event_id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_space_id_fkey" FOREIGN KEY ("space_id") REFERENCES "spaces"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "comments" ADD CONSTRAINT "comments_space_id_fkey" FOREIGN KEY ("space_id") REFERENCES "spaces"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "comment_versions" ADD CONSTRAINT "comment_versions_comment_id_fkey" FOREIGN KEY ("comment_id") REFERENCES "comments"("id") ON DELETE CASCADE ON UPDATE CASCADE;
