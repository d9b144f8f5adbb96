// What reacts to an appended event, queued in the same statement that writes it (an outbox): each hook is a
// SELECT over the recorded_event CTE that enqueues its jobs. appendEvent and the ballot's single statement
// both go through eventInsertCtes, so every event passes here. Features add their hook to `hooks`.
import { Prisma } from "@/lib/generated/prisma/client";
import type { EventContent } from "@/lib/record/canonical";

type Hook = (content: EventContent) => Prisma.Sql;

/**
 * Webhooks: one webhooks.fan-out job per event, only when the event's space has an enabled endpoint whose
 * filter takes this type (an index probe; a space without webhooks pays nothing more). The job filters again.
 */
const webhookFanOut: Hook = (content) => Prisma.sql`
  SELECT graphile_worker.add_job('webhooks.fan-out', json_build_object('eventId', ${content.id}::text))
  FROM recorded_event
  WHERE EXISTS (
    SELECT 1 FROM webhook_endpoints w
    WHERE w.space_id = ${content.space} AND w.enabled AND (cardinality(w.event_types) = 0 OR ${content.type} = ANY (w.event_types))
  )`;

const hooks: Hook[] = [webhookFanOut];

/**
 * The after_append CTE. A SELECT in WITH runs only as far as something reads it, so eventInsertCtes makes
 * the queue insert (a data-modifying CTE, which always runs to completion) read its count.
 */
export function afterAppendCte(content: EventContent): Prisma.Sql {
  const counted = hooks.map((hook) => Prisma.sql`(SELECT count(*) FROM (${hook(content)}) AS hook)`);
  return Prisma.sql`after_append AS (SELECT ${Prisma.join(counted, " + ")} AS jobs)`;
}
