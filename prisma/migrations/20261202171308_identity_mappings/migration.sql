-- A fork's mapped people (lib/members/mutations.ts mapIdentity) and who cast a ballot for the person it counts for.
-- AlterTable
ALTER TABLE "ballots" ADD COLUMN     "cast_by_id" TEXT;

-- CreateTable
CREATE TABLE "identity_mappings" (
    "space_id" TEXT NOT NULL,
    "from_user_id" TEXT NOT NULL,
    "to_user_id" TEXT NOT NULL,
    "mapped_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "identity_mappings_pkey" PRIMARY KEY ("space_id","from_user_id")
);

-- CreateIndex
CREATE INDEX "identity_mappings_space_id_to_user_id_idx" ON "identity_mappings"("space_id", "to_user_id");

-- AddForeignKey
ALTER TABLE "identity_mappings" ADD CONSTRAINT "identity_mappings_space_id_fkey" FOREIGN KEY ("space_id") REFERENCES "spaces"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

