// One batch of verified record lines written as they were, inside the import's (or a mirror's catch-up) transaction.
import "server-only";
import { transactionConnection, type Tx } from "@/lib/db";

// The statement for one batch of lines ($1, a JSON array of them) in log `$2`. Postgres parses the lines once; ids are
// drawn in log order.
const insertLinesSql = `
    WITH src AS MATERIALIZED (
      SELECT nextval(pg_get_serial_sequence('governance_events', 'id')) AS id, (l->>'seq')::int AS seq, l->>'leafHash' AS leaf, l->>'hash' AS hash, l->'event' AS e, l->'text' AS t
      FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS u(l, o) ORDER BY o
    ), recorded AS (
      INSERT INTO governance_events (id, event_id, space_id, actor_id, type, subject, data, created_at, hash, type_version, via)
      SELECT id, (e->>'id')::uuid, e->>'space', e->>'actor', e->>'type', e->'subject', e->'data', (e->>'at')::timestamptz, hash, (e->>'typeVersion')::int, e->>'via' FROM src
    ), texts AS (
      INSERT INTO record_texts (event_id, salt, body) SELECT (e->>'id')::uuid, t->>'salt', t->>'body' FROM src WHERE t IS NOT NULL
    )
    INSERT INTO event_positions (log_id, seq, event_id, leaf_hash) SELECT $2, seq, id, leaf FROM src`;

/**
 * Writes verified record lines as they were: each event, its position and leaf hash, and its committed text where it
 * travelled (kept where the origin still had it, so the copy verifies the same; a redacted one arrives without its text,
 * as it left). One statement per batch, sent on the transaction's own connection: through Prisma, passing the batch
 * (megabytes) cost more CPU than Postgres spent writing it.
 */
export async function insertEventLines(tx: Tx, logId: string, lines: string[]): Promise<void> {
  const connection = await transactionConnection(tx);
  await connection.query(insertLinesSql, [`[${lines.join(",")}]`, logId]);
}
