-- Space archives: where an imported space came from (mirror or fork), and the people who arrived with it.
CREATE TABLE "space_origins" (
    "space_id" TEXT NOT NULL,
    "mode" TEXT NOT NULL,
    "instance" TEXT NOT NULL,
    "origin_slug" TEXT NOT NULL,
    "checkpoint_size" INTEGER NOT NULL,
    "root_hash" TEXT NOT NULL,
    "imported_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "following" BOOLEAN NOT NULL DEFAULT false,
    "last_pulled_at" TIMESTAMPTZ(3),
    "stopped_at" TIMESTAMPTZ(3),
    "stop_reason" TEXT,
    "evidence" JSONB,
    CONSTRAINT "space_origins_pkey" PRIMARY KEY ("space_id"),
    CONSTRAINT "space_origins_mode_check" CHECK ("mode" IN ('mirror', 'fork'))
);

CREATE TABLE "imported_identities" (
    "user_id" TEXT NOT NULL,
    "identities" TEXT[],
    "claimed_at" TIMESTAMPTZ(3),
    CONSTRAINT "imported_identities_pkey" PRIMARY KEY ("user_id")
);

CREATE INDEX "imported_identities_identities_idx" ON "imported_identities" USING GIN ("identities");

ALTER TABLE "space_origins" ADD CONSTRAINT "space_origins_space_id_fkey" FOREIGN KEY ("space_id") REFERENCES "spaces"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "imported_identities" ADD CONSTRAINT "imported_identities_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
