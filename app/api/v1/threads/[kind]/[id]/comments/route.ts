import { apiRoute, readBody } from "@/lib/api/handler";
import { ok } from "@/lib/result";
import { postCommentFields, threadInput } from "@/lib/threads/schema";
import { postComment } from "@/lib/threads/use-cases/post-comment";
import { readThread } from "@/lib/threads/use-cases/read-thread";
import { parseInput } from "@/lib/validation";

type Params = { kind: string; id: string };

const readThreadEndpoint = apiRoute<Params>(async ({ actor, params }) => {
  const thread = parseInput(threadInput, { threadKind: params.kind, threadId: params.id });
  if (!thread.ok) return thread;
  return ok(await readThread(actor, thread.data));
});

const postCommentEndpoint = apiRoute<Params>(
  async ({ req, actor, params }) => {
    const thread = parseInput(threadInput, { threadKind: params.kind, threadId: params.id });
    if (!thread.ok) return thread;
    const body = await readBody(req, postCommentFields);
    if (!body.ok) return body;
    return postComment(actor, { ...body.data, ...thread.data });
  },
  { status: 201 },
);

export { readThreadEndpoint as GET, postCommentEndpoint as POST };
