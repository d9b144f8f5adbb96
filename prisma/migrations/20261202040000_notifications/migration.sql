-- Notifications (lib/notifications/): who watches what, personal preferences, the in-app inbox, and the
-- local mail outbox used when no SMTP server is configured. None of this is governance: nothing here is in
-- the record, and a person's settings can be changed or erased without touching it.

-- A watch on a space (item_id = '') or on one item in it (a decision or release id). watching = false is
-- an explicit "stop": a member mutes a space they would hear about by default.
CREATE TABLE "watches" (
    "user_id" TEXT NOT NULL,
    "space_id" TEXT NOT NULL,
    "item_id" TEXT NOT NULL DEFAULT '',
    "watching" BOOLEAN NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "watches_pkey" PRIMARY KEY ("space_id", "item_id", "user_id")
);
CREATE INDEX "watches_user_id_idx" ON "watches"("user_id");
ALTER TABLE "watches" ADD CONSTRAINT "watches_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "watches" ADD CONSTRAINT "watches_space_id_fkey" FOREIGN KEY ("space_id") REFERENCES "spaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- One row per person and kind of notification they changed from its default.
CREATE TABLE "notification_preferences" (
    "user_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "notification_preferences_pkey" PRIMARY KEY ("user_id", "kind")
);
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The inbox. dedupe_key is (source, recipient): "event:<id>:<user>" or "reminder:<decision>:<user>", so a
-- fan-out that crashes and runs again writes nothing twice. item_ids (the decision, the release) let the
-- e-mail job check again, when it sends, that the person still hears about them. mail is what the e-mail channel still owes:
-- none, pending (an e-mail job exists), digest (waits for the digest), sent, or skipped (no longer allowed).
CREATE TABLE "notifications" (
    "id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "space_id" TEXT NOT NULL,
    "dedupe_key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL DEFAULT '',
    "path" TEXT NOT NULL,
    "item_ids" TEXT[] NOT NULL DEFAULT '{}',
    "mail" TEXT NOT NULL DEFAULT 'none',
    "digest" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "read_at" TIMESTAMPTZ(3),
    "mailed_at" TIMESTAMPTZ(3),
    CONSTRAINT "notifications_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "notifications_dedupe_key_key" ON "notifications"("dedupe_key");
CREATE INDEX "notifications_user_id_created_at_idx" ON "notifications"("user_id", "created_at" DESC);
CREATE INDEX "notifications_unread_idx" ON "notifications"("user_id") WHERE "read_at" IS NULL;
CREATE INDEX "notifications_digest_idx" ON "notifications"("digest", "user_id") WHERE "mail" = 'digest';
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_space_id_fkey" FOREIGN KEY ("space_id") REFERENCES "spaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Mail written while no SMTP_URL is set (the embedded demo): a developer reads it at /dev/outbox.
CREATE TABLE "mail_outbox" (
    "id" TEXT NOT NULL,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "headers" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "mail_outbox_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "mail_outbox_created_at_idx" ON "mail_outbox"("created_at" DESC);
