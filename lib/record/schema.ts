// zod inputs of the record module: the history page's filters (from the URL) and a receipt.
import { z } from "zod";

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), "not a date")
  .optional()
  .or(z.literal("").transform(() => undefined));
const text = (max: number) => z.string().trim().max(max).optional().transform((v) => (v ? v : undefined));

export const historyQuery = z.object({
  type: text(80),
  actor: text(64),
  subject: text(128),
  from: day,
  to: day,
  q: text(200),
  before: z
    .string()
    .regex(/^\d{1,19}$/)
    .optional()
    .or(z.literal("").transform(() => undefined)),
});
export type HistoryQuery = z.infer<typeof historyQuery>;

export const receiptInput = z.string().trim().toLowerCase().regex(/^[0-9a-f]{64}$/, "A receipt is 64 hexadecimal characters.");

/** The history page's filters as the data layer wants them: whole UTC days, `to` inclusive of its day. */
export function historyFilters(q: HistoryQuery) {
  const nextDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000);
  return {
    type: q.type,
    actorId: q.actor,
    subject: q.subject,
    from: q.from ? new Date(`${q.from}T00:00:00Z`) : undefined,
    to: q.to ? nextDay(q.to) : undefined,
    q: q.q,
  };
}
