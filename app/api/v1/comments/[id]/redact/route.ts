import { apiRoute, readBody } from "@/lib/api/handler";
import { redactCommentFields } from "@/lib/threads/schema";
import { redactComment } from "@/lib/threads/use-cases/redact-comment";

const redactCommentEndpoint = apiRoute<{ id: string }>(async ({ req, actor, params }) => {
  const body = await readBody(req, redactCommentFields);
  if (!body.ok) return body;
  return redactComment(actor, { ...body.data, commentId: params.id });
});

export { redactCommentEndpoint as POST };
