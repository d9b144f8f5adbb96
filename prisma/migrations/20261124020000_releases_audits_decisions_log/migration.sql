-- CreateEnum
CREATE TYPE "ReleaseStatus" AS ENUM ('draft', 'in_review', 'voting', 'approved', 'rejected', 'published', 'deprecated', 'yanked', 'withdrawn');

-- CreateEnum
CREATE TYPE "ArtifactKind" AS ENUM ('weights', 'tokenizer', 'config', 'code', 'dataset', 'evaluation', 'documentation', 'other');

-- CreateEnum
CREATE TYPE "AuditVerdict" AS ENUM ('pass', 'concerns', 'fail');

-- CreateEnum
CREATE TYPE "DecisionStatus" AS ENUM ('open', 'closed', 'cancelled');

-- CreateTable
CREATE TABLE "releases" (
    "id" TEXT NOT NULL,
    "space_id" TEXT NOT NULL,
    "model_name" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "summary" TEXT NOT NULL DEFAULT '',
    "changelog" TEXT NOT NULL DEFAULT '',
    "previous_release_id" TEXT,
    "base_model_ref" TEXT,
    "status" "ReleaseStatus" NOT NULL DEFAULT 'draft',
    "voted_digests" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "voting_opened_at" TIMESTAMPTZ(3),
    "published_at" TIMESTAMPTZ(3),
    "created_by_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "releases_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "artifacts" (
    "id" TEXT NOT NULL,
    "release_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "ArtifactKind" NOT NULL,
    "digest" TEXT NOT NULL,
    "size_bytes" BIGINT,
    "uri" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "artifacts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "release_components" (
    "id" TEXT NOT NULL,
    "release_id" TEXT NOT NULL,
    "component" TEXT NOT NULL,
    "included" BOOLEAN NOT NULL DEFAULT false,
    "license" TEXT,
    "license_name" TEXT,
    "license_url" TEXT,

    CONSTRAINT "release_components_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "registry_links" (
    "id" TEXT NOT NULL,
    "release_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "pinned" BOOLEAN NOT NULL,
    "display" TEXT NOT NULL,
    "url" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "registry_links_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_reports" (
    "id" TEXT NOT NULL,
    "space_id" TEXT NOT NULL,
    "release_id" TEXT NOT NULL,
    "author_id" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "methodology" TEXT NOT NULL DEFAULT '',
    "summary" TEXT NOT NULL DEFAULT '',
    "verdict" "AuditVerdict" NOT NULL,
    "scope_digests" TEXT[],
    "evidence" JSONB NOT NULL DEFAULT '[]',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "audit_reports_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "findings" (
    "id" TEXT NOT NULL,
    "report_id" TEXT NOT NULL,
    "release_id" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "affected_digests" TEXT[],
    "status" TEXT NOT NULL DEFAULT 'open',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "findings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "finding_transitions" (
    "id" TEXT NOT NULL,
    "finding_id" TEXT NOT NULL,
    "from" TEXT NOT NULL,
    "to" TEXT NOT NULL,
    "actor_id" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "evidence" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "finding_transitions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_reviews" (
    "id" TEXT NOT NULL,
    "report_id" TEXT NOT NULL,
    "reviewer_id" TEXT NOT NULL,
    "verdict" TEXT NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_reviews_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "decisions" (
    "id" TEXT NOT NULL,
    "space_id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "question" TEXT NOT NULL DEFAULT '',
    "kind" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "params" JSONB NOT NULL DEFAULT '{}',
    "subject" JSONB NOT NULL DEFAULT '{}',
    "release_id" TEXT,
    "charter_version" INTEGER NOT NULL,
    "eligibility" JSONB NOT NULL,
    "eligibility_hash" TEXT NOT NULL,
    "opens_at" TIMESTAMPTZ(3) NOT NULL,
    "closes_at" TIMESTAMPTZ(3) NOT NULL,
    "status" "DecisionStatus" NOT NULL DEFAULT 'open',
    "outcome" JSONB,
    "closed_at" TIMESTAMPTZ(3),
    "closed_by_id" TEXT,
    "cancel_reason" TEXT,
    "created_by_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "decisions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ballots" (
    "id" TEXT NOT NULL,
    "decision_id" TEXT NOT NULL,
    "voter_id" TEXT NOT NULL,
    "choice" JSONB NOT NULL,
    "reason" TEXT,
    "binding" BOOLEAN NOT NULL,
    "cast_at" TIMESTAMPTZ(3) NOT NULL,
    "receipt" TEXT NOT NULL,

    CONSTRAINT "ballots_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "event_queue" (
    "event_id" BIGINT NOT NULL,
    "log_id" TEXT NOT NULL,
    "queued_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "event_queue_pkey" PRIMARY KEY ("event_id")
);

-- CreateTable
CREATE TABLE "event_positions" (
    "log_id" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "event_id" BIGINT NOT NULL,
    "leaf_hash" TEXT NOT NULL,

    CONSTRAINT "event_positions_pkey" PRIMARY KEY ("log_id","seq")
);

-- CreateTable
CREATE TABLE "checkpoints" (
    "id" TEXT NOT NULL,
    "log_id" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "root_hash" TEXT NOT NULL,
    "timestamp" TIMESTAMPTZ(3) NOT NULL,
    "signature" TEXT NOT NULL,
    "key_id" TEXT NOT NULL,

    CONSTRAINT "checkpoints_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "signing_keys" (
    "key_id" TEXT NOT NULL,
    "public_key" TEXT NOT NULL,
    "private_key" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "signing_keys_pkey" PRIMARY KEY ("key_id")
);

-- CreateIndex
CREATE INDEX "releases_space_id_status_idx" ON "releases"("space_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "releases_space_id_model_name_version_key" ON "releases"("space_id", "model_name", "version");

-- CreateIndex
CREATE UNIQUE INDEX "artifacts_release_id_name_key" ON "artifacts"("release_id", "name");

-- CreateIndex
CREATE UNIQUE INDEX "release_components_release_id_component_key" ON "release_components"("release_id", "component");

-- CreateIndex
CREATE UNIQUE INDEX "registry_links_release_id_reference_key" ON "registry_links"("release_id", "reference");

-- CreateIndex
CREATE INDEX "audit_reports_space_id_created_at_idx" ON "audit_reports"("space_id", "created_at");

-- CreateIndex
CREATE INDEX "audit_reports_release_id_idx" ON "audit_reports"("release_id");

-- CreateIndex
CREATE INDEX "findings_release_id_status_idx" ON "findings"("release_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "findings_report_id_number_key" ON "findings"("report_id", "number");

-- CreateIndex
CREATE INDEX "finding_transitions_finding_id_created_at_idx" ON "finding_transitions"("finding_id", "created_at");

-- CreateIndex
CREATE INDEX "audit_reviews_report_id_created_at_idx" ON "audit_reviews"("report_id", "created_at");

-- CreateIndex
CREATE INDEX "decisions_space_id_status_closes_at_idx" ON "decisions"("space_id", "status", "closes_at");

-- CreateIndex
CREATE INDEX "decisions_release_id_idx" ON "decisions"("release_id");

-- CreateIndex
CREATE UNIQUE INDEX "ballots_decision_id_voter_id_key" ON "ballots"("decision_id", "voter_id");

-- CreateIndex
CREATE INDEX "event_queue_log_id_event_id_idx" ON "event_queue"("log_id", "event_id");

-- CreateIndex
CREATE UNIQUE INDEX "event_positions_event_id_key" ON "event_positions"("event_id");

-- CreateIndex
CREATE UNIQUE INDEX "checkpoints_log_id_size_key" ON "checkpoints"("log_id", "size");

-- AddForeignKey
ALTER TABLE "releases" ADD CONSTRAINT "releases_space_id_fkey" FOREIGN KEY ("space_id") REFERENCES "spaces"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "releases" ADD CONSTRAINT "releases_previous_release_id_fkey" FOREIGN KEY ("previous_release_id") REFERENCES "releases"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "artifacts" ADD CONSTRAINT "artifacts_release_id_fkey" FOREIGN KEY ("release_id") REFERENCES "releases"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "release_components" ADD CONSTRAINT "release_components_release_id_fkey" FOREIGN KEY ("release_id") REFERENCES "releases"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "registry_links" ADD CONSTRAINT "registry_links_release_id_fkey" FOREIGN KEY ("release_id") REFERENCES "releases"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_reports" ADD CONSTRAINT "audit_reports_release_id_fkey" FOREIGN KEY ("release_id") REFERENCES "releases"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "findings" ADD CONSTRAINT "findings_report_id_fkey" FOREIGN KEY ("report_id") REFERENCES "audit_reports"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "finding_transitions" ADD CONSTRAINT "finding_transitions_finding_id_fkey" FOREIGN KEY ("finding_id") REFERENCES "findings"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_reviews" ADD CONSTRAINT "audit_reviews_report_id_fkey" FOREIGN KEY ("report_id") REFERENCES "audit_reports"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_space_id_fkey" FOREIGN KEY ("space_id") REFERENCES "spaces"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_release_id_fkey" FOREIGN KEY ("release_id") REFERENCES "releases"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ballots" ADD CONSTRAINT "ballots_decision_id_fkey" FOREIGN KEY ("decision_id") REFERENCES "decisions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- One refusal for every append-only table, naming the table.
CREATE OR REPLACE FUNCTION governance_events_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

-- Positions in the verifiable log are assigned once and never change.
CREATE TRIGGER event_positions_no_update_delete
  BEFORE UPDATE OR DELETE ON "event_positions"
  FOR EACH ROW EXECUTE FUNCTION governance_events_refuse_change();

CREATE TRIGGER event_positions_no_truncate
  BEFORE TRUNCATE ON "event_positions"
  FOR EACH STATEMENT EXECUTE FUNCTION governance_events_refuse_change();

-- Signed checkpoints are history too.
CREATE TRIGGER checkpoints_no_update_delete
  BEFORE UPDATE OR DELETE ON "checkpoints"
  FOR EACH ROW EXECUTE FUNCTION governance_events_refuse_change();
