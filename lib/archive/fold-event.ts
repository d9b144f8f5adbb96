// An event of the record as the archive's folds read it (record-fold.ts, discussion-fold.ts): the line's event object.
export type FoldEvent = { id: string; type: string; actor: string | null; subject: Record<string, unknown>; data: Record<string, unknown>; at: string };
