-- The last-owner guard counts a space's owners under the space lock: read only the owner rows, not every
-- membership of the space (lib/members/mutations.ts readMembers).
CREATE INDEX "memberships_space_id_role_idx" ON "memberships"("space_id", "role");
