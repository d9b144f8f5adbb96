// The thread of one subject, read on the server for the first paint; <Thread> keeps it current. Adding a thread to a
// page of a new kind of subject is this one line: <SubjectThread actor={actor} kind="concern" id={concern.id} />.
import type { Actor } from "@/lib/auth/session";
import type { ThreadSubjectKind } from "@/lib/threads/rules";
import { readThread } from "@/lib/threads/use-cases/read-thread";
import { Thread } from "@/components/threads/thread";

export async function SubjectThread({ actor, kind, id, title }: { actor: Actor | null; kind: ThreadSubjectKind; id: string; title?: string }) {
  const initial = await readThread(actor, { threadKind: kind, threadId: id });
  return <Thread initial={initial} title={title} />;
}
